using GraphQL.Execution;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Caching;

/// <summary>
/// After execution, adds the keys of every object in the result whose type declares them
/// (<see cref="ResponseKeyExtensions.ResponseKeys{TSource}"/>): one walk of the result tree, only
/// for responses that may be cached, instead of work in every resolver.
/// </summary>
public static class ResponseKeyWalker
{
    public static void Collect(object? data, ISchema schema, ResponseKeys into)
    {
        if (data is not ExecutionNode root)
            return;
        var pending = new Stack<ExecutionNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case ObjectExecutionNode objectNode:
                    // The root's value is null: its fields are still walked.
                    if (objectNode.Result is { } value
                        && objectNode.GetObjectGraphType(schema)?.GetMetadata<Func<object, IEnumerable<string>>>(ResponseKeyExtensions.TypeKeysKey) is { } keys)
                        into.Add(keys(value));
                    foreach (var child in objectNode.SubFields ?? [])
                        pending.Push(child);
                    break;
                case ArrayExecutionNode { Items: { } items }:
                    foreach (var item in items)
                        pending.Push(item);
                    break;
            }
        }
    }
}
