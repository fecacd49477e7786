using GraphQL.Types;

namespace NewsGraph.GraphQL.Sorting;

/// <summary><c>enum SortEnumType { ASC DESC }</c>, shared by every sort input.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType
{
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Add("ASC", SortDirection.Ascending);
        Add("DESC", SortDirection.Descending);
    }
}
