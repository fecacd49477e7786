using NewsGraph.GraphQL.Caching;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// A request's place in the <see cref="ResponseCache"/>: its entry when there is one, else where its
/// response may go, and the cache's generation before it executed.
/// </summary>
internal sealed record CacheLookup(string Key, long Generation, CachedResponse? Hit);
