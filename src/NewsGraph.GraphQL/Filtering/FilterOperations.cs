namespace NewsGraph.GraphQL.Filtering;

/// <summary>The names of Hot Chocolate's filter operations, as <c>where</c> spells them.</summary>
public static class FilterOperations
{
    public const string Eq = "eq";
    public const string Neq = "neq";
    public const string In = "in";
    public const string Nin = "nin";
    public const string Contains = "contains";
    public const string IContains = "icontains";
    public const string StartsWith = "startsWith";
    public const string EndsWith = "endsWith";
}
