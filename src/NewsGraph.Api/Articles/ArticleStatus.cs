namespace NewsGraph.Api.Articles;

public enum ArticleStatus
{
    /// <summary>Being written; visible to editors only.</summary>
    Draft,

    /// <summary>Approved and waiting for its embargo to lift.</summary>
    Scheduled,

    /// <summary>Public.</summary>
    Published,

    /// <summary>Killed: replaced by a public notice.</summary>
    Withdrawn,
}
