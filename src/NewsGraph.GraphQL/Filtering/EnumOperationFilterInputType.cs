using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

public sealed class EnumOperationFilterInputType<TEnumGraphType> : OperationFilterInputType
    where TEnumGraphType : EnumerationGraphType, new()
{
    public EnumOperationFilterInputType()
    {
        Name = new TEnumGraphType().Name + "OperationFilterInput";
        Operation<TEnumGraphType>("eq");
        Operation<TEnumGraphType>("neq");
        Operation<ListGraphType<NonNullGraphType<TEnumGraphType>>>("in");
        Operation<ListGraphType<NonNullGraphType<TEnumGraphType>>>("nin");
    }
}
