namespace NewsGraph.Api.Articles;

// Stored by value: append new members, never renumber.

public enum ArticleStatus
{
    /// <summary>Being written; visible to editors only.</summary>
    Draft = 0,

    /// <summary>Approved and waiting for its embargo to lift.</summary>
    Scheduled = 1,

    /// <summary>Public.</summary>
    Published = 2,

    /// <summary>Killed: replaced by a public notice.</summary>
    Withdrawn = 3,
}
