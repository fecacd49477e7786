namespace NewsGraph.Api.Redis;

/// <summary>The <c>Redis</c> configuration section: what several instances share.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:6379,password=…</c>). Unset, one instance
    /// keeps events and rate limits in process.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key and channel, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "newsgraph:";
}
