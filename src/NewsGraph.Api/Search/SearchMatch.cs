namespace NewsGraph.Api.Search;

/// <summary>
/// A story a search matched, as the index gives it: its key in the index, the story's id, section
/// and month of publication (for facets), and its relevance score when the search ranks.
/// </summary>
public sealed class SearchMatch
{
    /// <summary>The story's key in the index: unique, and the last key of the ranking order.</summary>
    public long Key { get; set; }

    public int ArticleId { get; set; }

    public int SectionId { get; set; }

    /// <summary>Months since January 1900 of the publication, in the story's own offset; 0 when it has none.</summary>
    public int Month { get; set; }

    /// <summary>Higher is better; 0 when the search does not rank.</summary>
    public double Score { get; set; }
}
