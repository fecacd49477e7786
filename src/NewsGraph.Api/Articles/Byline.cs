using NewsGraph.Api.People;

namespace NewsGraph.Api.Articles;

/// <summary>A person credited on a story, in byline order.</summary>
public sealed class Byline
{
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;

    /// <summary>1-based place in the byline.</summary>
    public int Position { get; set; }

    public BylineRole Role { get; set; }
}
