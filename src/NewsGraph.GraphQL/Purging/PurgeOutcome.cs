namespace NewsGraph.GraphQL.Purging;

/// <summary>How one purge request went: done, worth another try (a 5xx, 408, 429, no answer), or refused for good.</summary>
public sealed record PurgeOutcome(bool Succeeded, bool Retry, string Detail);
