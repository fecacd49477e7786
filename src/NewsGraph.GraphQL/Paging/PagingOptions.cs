namespace NewsGraph.GraphQL.Paging;

/// <summary>Hot Chocolate's paging defaults, bound from the <c>Paging</c> configuration section.</summary>
public sealed class PagingOptions
{
    public const string SectionName = "Paging";

    /// <summary>Items on a page when the request gives neither <c>first</c> nor <c>last</c>.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Most items a page may ask for; more is refused (HC0051), never clamped.</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Most IDs one <c>nodes(ids:)</c> call may name (HC0076).</summary>
    public int MaxNodeBatchSize { get; set; } = 50;
}
