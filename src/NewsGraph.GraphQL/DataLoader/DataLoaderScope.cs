using System.Collections.Concurrent;

namespace NewsGraph.GraphQL.DataLoader;

/// <summary>
/// The request's DataLoaders that are made on the fly, one per field and set of arguments
/// (<c>images(order: ...)</c> and <c>images</c> batch separately). Registered as a scoped service.
/// </summary>
public sealed class DataLoaderScope
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<(object Field, object Node), object> _byNode = new();

    public TLoader GetOrAdd<TLoader>(string key, Func<TLoader> create)
        where TLoader : class
        => (TLoader)_loaders.GetOrAdd(key, _ => create());

    /// <summary>
    /// What a field works out from its arguments and selection, once per request for each place it
    /// appears in the document (<paramref name="node"/>), however many parents it resolves under:
    /// a front page's 20 stories ask their <c>authors</c> field the same thing 20 times.
    /// </summary>
    public T ForNode<T>(object field, object node, Func<T> create)
        where T : class
        => (T)_byNode.GetOrAdd((field, node), _ => create());
}
