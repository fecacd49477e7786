namespace NewsGraph.GraphQL.Caching;

/// <summary>Who may keep a cached response: any cache (<see cref="Public"/>) or only the caller's own (<see cref="Private"/>).</summary>
public enum CacheControlScope
{
    Public,
    Private,
}
