using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

/// <summary>Global IDs, decoded before the predicate runs.</summary>
public sealed class IdOperationFilterInputType : OperationFilterInputType
{
    public IdOperationFilterInputType()
    {
        Name = "IdOperationFilterInput";
        Operation<IdGraphType>("eq");
        Operation<IdGraphType>("neq");
        Operation<ListGraphType<IdGraphType>>("in");
        Operation<ListGraphType<IdGraphType>>("nin");
    }
}
