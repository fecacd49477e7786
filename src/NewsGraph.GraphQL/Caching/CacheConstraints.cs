using System.Globalization;

namespace NewsGraph.GraphQL.Caching;

/// <summary>
/// What an operation's hints allow its response: the lowest <c>maxAge</c> and <c>sharedMaxAge</c>
/// of the fields it selects, the most restrictive scope, and every <c>vary</c> header, lower case
/// and in order (see <see cref="CacheConstraintsComputer"/>).
/// </summary>
public sealed record CacheConstraints(int? MaxAge, int? SharedMaxAge, CacheControlScope Scope, IReadOnlyList<string> Vary)
{
    /// <summary>How long a shared cache may keep the response: <c>s-maxage</c>, else <c>max-age</c>.</summary>
    public int SharedLifetime => SharedMaxAge ?? MaxAge ?? 0;

    /// <summary>The <c>Cache-Control</c> value: <c>public, max-age=60, s-maxage=3600</c> or <c>private, max-age=60</c>.</summary>
    public string HeaderValue()
    {
        var parts = new List<string>(3) { Scope == CacheControlScope.Private ? "private" : "public" };
        if (MaxAge is { } maxAge)
            parts.Add("max-age=" + maxAge.ToString(CultureInfo.InvariantCulture));
        if (SharedMaxAge is { } shared && Scope == CacheControlScope.Public)
            parts.Add("s-maxage=" + shared.ToString(CultureInfo.InvariantCulture));
        return string.Join(", ", parts);
    }
}
