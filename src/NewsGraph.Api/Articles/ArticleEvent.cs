namespace NewsGraph.Api.Articles;

/// <summary>Raised after a change to a story is saved; the subscriptions report them.</summary>
public sealed record ArticleEvent(ArticleEventKind Kind, int ArticleId, int SectionId, int Version, DateTimeOffset At)
{
    public const string Topic = "articles";
}
