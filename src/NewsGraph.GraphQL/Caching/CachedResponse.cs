namespace NewsGraph.GraphQL.Caching;

/// <summary>A response as the HTTP transport sent it, kept by the <see cref="ResponseCache"/> until <see cref="Expires"/> or a purge of one of its <see cref="Keys"/>.</summary>
/// <param name="Headers">Its caching headers (<c>Cache-Control</c>, <c>Vary</c>, <c>ETag</c>, <c>Surrogate-Key</c>...), sent again with it.</param>
public sealed record CachedResponse(
    byte[] Body, string ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers, string? ETag, IReadOnlyList<string> Keys, DateTimeOffset Expires);
