using System.Security.Claims;

namespace NewsGraph.GraphQL.Caching;

/// <summary>The in-process response cache (the <c>GraphQL:ResponseCache</c> section), for deployments without a CDN.</summary>
public sealed class ResponseCacheOptions
{
    public const string SectionName = "GraphQL:ResponseCache";

    /// <summary>Off by default: a CDN in front is the usual cache, and this one would hide what executions cost.</summary>
    public bool Enabled { get; set; }

    /// <summary>Most responses kept; when full, expired ones go first, then the oldest.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>Larger responses are not kept.</summary>
    public int MaxEntryBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Which callers share entries: callers with the same partition get the same answers (the
    /// application knows which roles see the same); null means the caller's answers are not kept.
    /// By default only anonymous callers' are.
    /// </summary>
    public Func<ClaimsPrincipal, string?> Partition { get; set; } = user => user.Identity?.IsAuthenticated == true ? null : "anonymous";
}
