namespace NewsGraph.Api.Search;

/// <summary>Bound from the <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Stories per transaction when the search backlog is worked off (<see cref="SearchBacklog"/>).</summary>
    public int BacklogBatchSize { get; set; } = 500;

    /// <summary>How often an idle server looks for stories waiting in the backlog.</summary>
    public TimeSpan BacklogPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether servers work off the backlog; off, only the <c>search-index</c> verb does.</summary>
    public bool IndexBacklogInBackground { get; set; } = true;
}
