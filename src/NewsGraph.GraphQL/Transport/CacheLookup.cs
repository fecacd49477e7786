using NewsGraph.GraphQL.Caching;

namespace NewsGraph.GraphQL.Transport;

/// <summary>Where a request's response may go in the <see cref="ResponseCache"/>, and the cache's generation before it executed.</summary>
internal sealed record CacheLookup(string Key, long Generation);
