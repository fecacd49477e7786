namespace NewsGraph.Api.Search;

/// <summary>Which of a search's matches a query of the index returns.</summary>
public enum SearchTier
{
    /// <summary>Every match.</summary>
    All,

    /// <summary>Matches whose headline holds at least one of the query's terms: ranked first.</summary>
    Headline,

    /// <summary>The other matches, whose terms are all below the headline.</summary>
    BelowHeadline,
}
