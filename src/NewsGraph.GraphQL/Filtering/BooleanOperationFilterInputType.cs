using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

public sealed class BooleanOperationFilterInputType : OperationFilterInputType
{
    public BooleanOperationFilterInputType()
    {
        Name = "BooleanOperationFilterInput";
        Operation<BooleanGraphType>("eq");
        Operation<BooleanGraphType>("neq");
    }
}
