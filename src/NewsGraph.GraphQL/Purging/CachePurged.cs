namespace NewsGraph.GraphQL.Purging;

/// <summary>
/// Raised on the event bus (<see cref="Topic"/>) for every purge, by the instance that made the
/// change: every instance drops its response cache's entries for <see cref="Keys"/>, and anyone
/// else may listen.
/// </summary>
public sealed record CachePurged(IReadOnlyList<string> Keys, string Reason, DateTimeOffset At)
{
    public const string Topic = "cache-purges";
}
