using GraphQL.Types;

namespace NewsGraph.GraphQL.Caching;

/// <summary>Hot Chocolate's <c>CacheControlScope</c> enum, the <c>scope</c> of <c>@cacheControl</c>.</summary>
public sealed class CacheControlScopeGraphType : EnumerationGraphType
{
    public CacheControlScopeGraphType()
    {
        Name = "CacheControlScope";
        Description = "The scope of a cache hint.";
        Add("PUBLIC", CacheControlScope.Public, "The value to cache is not tied to a single user.");
        Add("PRIVATE", CacheControlScope.Private, "The value to cache is specific to a single user.");
    }
}
