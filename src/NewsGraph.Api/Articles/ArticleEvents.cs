namespace NewsGraph.Api.Articles;

/// <summary>Raised after a change to a story is saved; the subscriptions report them.</summary>
public sealed record ArticleEvent(ArticleEventKind Kind, int ArticleId, int SectionId, int Version, DateTimeOffset At)
{
    public const string Topic = "articles";
}

public enum ArticleEventKind
{
    Published = 0,
    Updated = 1,
    Corrected = 2,
    Withdrawn = 3,
}
