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
    /// On PostgreSQL, whether a bulk import indexes its stories for search in its own transactions
    /// (<see cref="SearchIndexing.Inline"/>) or leaves them to the search backlog, which the servers (or
    /// the <c>search-index</c> verb) work off (<see cref="SearchIndexing.Backlog"/>, the default). SQLite
    /// always indexes inline: its one writer would index the backlog in many small transactions, and
    /// that was measured slower than the inline load (docs/benchmarks.md, "Bulk NDJSON import").
    /// </summary>
    public SearchIndexing SearchIndexing { get; set; } = SearchIndexing.Backlog;
}

/// <summary>How a bulk import on PostgreSQL keeps the search index: <see cref="ImportOptions.SearchIndexing"/>.</summary>
public enum SearchIndexing
{
    /// <summary>
    /// The stories are queued, and found by search once a server has indexed them: a 100k load takes
    /// about a third of the time, and search catches up within a minute or two after it.
    /// </summary>
    Backlog,

    /// <summary>Each batch's stories are searchable when the batch commits, at about a third of the load's speed.</summary>
    Inline,
}
