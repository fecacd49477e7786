namespace NewsGraph.GraphQL.Caching;

/// <summary>
/// Hot Chocolate's cache-control options (the <c>GraphQL:CacheControl</c> section) and what the
/// HTTP transport does with the hints: <c>Cache-Control</c>, <c>Vary</c>, <c>ETag</c> and the
/// response's entity keys (<c>Surrogate-Key</c>, <c>Cache-Tag</c>).
/// </summary>
public sealed class CacheControlOptions
{
    public const string SectionName = "GraphQL:CacheControl";

    /// <summary>Whether query responses get cache headers at all; off, every response says <c>no-store</c>.</summary>
    public bool Enable { get; set; } = true;

    /// <summary>The <c>maxAge</c> given to fields the defaults apply to (see <see cref="ApplyDefaults"/>); 0 as in Hot Chocolate.</summary>
    public int DefaultMaxAge { get; set; }

    /// <summary>The <c>sharedMaxAge</c> given with <see cref="DefaultMaxAge"/>; unset (Hot Chocolate has none), none is given.</summary>
    public int? DefaultSharedMaxAge { get; set; }

    /// <summary>The <c>scope</c> given with <see cref="DefaultMaxAge"/>.</summary>
    public CacheControlScope DefaultScope { get; set; } = CacheControlScope.Public;

    /// <summary>
    /// Gives <c>@cacheControl(maxAge: DefaultMaxAge)</c> to every field without one that is on the
    /// query type or fetches data (what cost analysis counts as a resolver), as Hot Chocolate does.
    /// </summary>
    public bool ApplyDefaults { get; set; } = true;

    /// <summary>A key every keyed response carries too, so one purge of it drops everything (unset: none).</summary>
    public string? AllKey { get; set; }

    /// <summary>
    /// The longest <c>Surrogate-Key</c> header sent (Fastly's limit); a response that reads more
    /// entities than fit is not cached, since a cache could not be told when it changes.
    /// </summary>
    public int MaxKeyHeaderLength { get; set; } = 16_384;
}
