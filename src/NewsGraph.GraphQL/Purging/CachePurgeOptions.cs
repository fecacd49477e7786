namespace NewsGraph.GraphQL.Purging;

/// <summary>Where purges go and how hard to try (the <c>CachePurge</c> section).</summary>
public sealed class CachePurgeOptions
{
    public const string SectionName = "CachePurge";

    /// <summary>Caches to purge; none by default (the in-process response cache is purged anyway).</summary>
    public List<PurgeTargetOptions> Targets { get; set; } = [];

    /// <summary>Tries per request before a purge is given up (and logged as an error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second try; it doubles with each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request to a target may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long stopping waits for purges still being sent.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
