using System.Runtime.InteropServices;
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
    /// <summary>Appends the keys to <paramref name="into"/>, in no order and with repeats (an author of two stories).</summary>
    public static void Collect(object? data, ISchema schema, List<string> into)
    {
        if (data is not ExecutionNode root)
            return;
        var pending = new Stack<ExecutionNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            if (node is ObjectExecutionNode objectNode)
            {
                // The root's value is null: its fields are still walked.
                if (objectNode.Result is { } value
                    && objectNode.GetObjectGraphType(schema)?.GetMetadata<Func<object, IEnumerable<string>>>(ResponseKeyExtensions.TypeKeysKey) is { } keys)
                    into.AddRange(keys(value));
                PushBranches(objectNode.SubFields, pending);
            }
            else if (node is ArrayExecutionNode { Items: { } items })
            {
                PushBranches(CollectionsMarshal.AsSpan(items), pending);
            }
        }
    }

    /// <summary>Only objects and lists hold keys; scalars and enums, most of a result, are not visited.</summary>
    private static void PushBranches(ReadOnlySpan<ExecutionNode> nodes, Stack<ExecutionNode> pending)
    {
        foreach (var child in nodes)
        {
            if (child is ObjectExecutionNode or ArrayExecutionNode)
                pending.Push(child);
        }
    }
}
