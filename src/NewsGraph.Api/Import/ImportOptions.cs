namespace NewsGraph.Api.Import;

/// <summary>Bound from the <c>Import</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Articles per transaction in a bulk import.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>A pause after each bulk batch, to leave a live database room to serve while it loads.</summary>
    public TimeSpan PauseBetweenBatches { get; set; }

    /// <summary>
    /// Whether a bulk import indexes its stories for search in its own transactions
    /// (<see cref="SearchIndexing.Inline"/>) or leaves them to the search backlog, which the servers (or
    /// the <c>search-index</c> verb) work off (<see cref="SearchIndexing.Backlog"/>, the default).
    /// </summary>
    public SearchIndexing SearchIndexing { get; set; } = SearchIndexing.Backlog;
}

/// <summary>How a bulk import keeps the search index: <see cref="ImportOptions.SearchIndexing"/>.</summary>
public enum SearchIndexing
{
    /// <summary>
    /// The stories are queued, and found by search once a server has indexed them: the load takes a
    /// third of the time (the full-text index costs twice the load itself), and search catches up within
    /// a minute after a 100k load.
    /// </summary>
    Backlog,

    /// <summary>Each batch's stories are searchable when the batch commits, at a third of the load's speed.</summary>
    Inline,
}
