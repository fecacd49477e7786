namespace NewsGraph.Api.Articles;

/// <summary>A section of the site: <c>All News</c>, <c>business</c>.</summary>
public sealed class Section
{
    public int Id { get; set; }

    /// <summary>Unique, lower case: <c>all-news</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }
}
