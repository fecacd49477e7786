namespace NewsGraph.Api.Articles;

/// <summary>A section of the site: <c>All News</c>, <c>business</c>.</summary>
public sealed class Section
{
    public const int SlugMaxLength = 100;
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    /// <summary>Unique, lower case: <c>all-news</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }
}
