using GraphQL;

namespace NewsGraph.GraphQL.Caching;

/// <summary>
/// The entity keys a response depends on (<c>book:7</c>, <c>books</c>): what a cache tags it with
/// and purges it by. One per execution, in its user context; resolvers and DataLoaders add keys
/// through <see cref="ResponseKeyExtensions.AddResponseKeys"/>, objects of types with declared keys
/// add theirs after execution (<see cref="ResponseKeyWalker"/>).
/// </summary>
public sealed class ResponseKeys
{
    private const string ContextKey = "NewsGraph.ResponseKeys";

    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_keys)
                return _keys.Count;
        }
    }

    /// <summary>The keys of the execution whose user context is <paramref name="userContext"/>; null when it keeps none.</summary>
    public static ResponseKeys? Of(IDictionary<string, object?> userContext)
        => userContext.TryGetValue(ContextKey, out var keys) ? keys as ResponseKeys : null;

    /// <summary>Starts keeping keys for the execution whose user context is <paramref name="userContext"/>.</summary>
    public static ResponseKeys AttachTo(IDictionary<string, object?> userContext)
    {
        var keys = new ResponseKeys();
        userContext[ContextKey] = keys;
        return keys;
    }

    public void Add(string key)
    {
        lock (_keys)
            _keys.Add(key);
    }

    public void Add(IEnumerable<string> keys)
    {
        lock (_keys)
            _keys.UnionWith(keys);
    }

    /// <summary>Adds the keys, in no order, to <paramref name="into"/>.</summary>
    internal void CopyTo(List<string> into)
    {
        lock (_keys)
            into.AddRange(_keys);
    }

    /// <summary>The keys, in order (so equal responses get equal headers).</summary>
    public string[] ToArray()
    {
        lock (_keys)
        {
            var array = _keys.ToArray();
            Array.Sort(array, StringComparer.Ordinal);
            return array;
        }
    }
}
