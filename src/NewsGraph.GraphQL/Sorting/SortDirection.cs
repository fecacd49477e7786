namespace NewsGraph.GraphQL.Sorting;

public enum SortDirection
{
    Ascending,
    Descending,
}
