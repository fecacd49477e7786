using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

/// <summary>A list of scalars (<c>ListStringOperationFilterInput</c>): all, none, some, any.</summary>
public sealed class ListOperationFilterInputType<TOperationType> : InputObjectGraphType, IListFilterInputType
    where TOperationType : OperationFilterInputType, new()
{
    public ListOperationFilterInputType()
    {
        Name = "List" + new TOperationType().Name;
        Field<TOperationType>("all");
        Field<TOperationType>("none");
        Field<TOperationType>("some");
        Field<BooleanGraphType>("any");
    }
}
