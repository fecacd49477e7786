using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.GraphQL.Relay;

/// <summary>
/// How to fetch a node of one type by its integer key; register one per type that implements
/// <c>Node</c>. Return null for an object the caller may not see: it is then as absent as one that does not exist.
/// </summary>
public sealed record NodeResolver(string TypeName, Func<IResolveFieldContext, int, IDataLoaderResult<object?>> Resolve);

public static class NodeFields
{
    /// <summary>Adds <c>node(id: ID!): Node</c> and <c>nodes(ids: [ID!]!): [Node]!</c> as Hot Chocolate declares them.</summary>
    public static void AddNodeFields(this ObjectGraphType query)
    {
        query.Field<NodeInterfaceGraphType>("node")
            .Description("Fetches an object given its ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "ID of the object.")
            .Resolve(ctx => Load(ctx, ctx.GetArgument<string>("id"), ctx.Path));

        query.Field<NonNullGraphType<ListGraphType<NodeInterfaceGraphType>>>("nodes")
            .Description("Lookup nodes by a list of IDs.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The list of node IDs.")
            .Resolve(ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                var max = ctx.RequestServices!.GetRequiredService<IOptions<PagingOptions>>().Value.MaxNodeBatchSize;
                if (ids.Count > max)
                {
                    throw new ExecutionError(
                        $"The maximum number of nodes that can be fetched at once is {max}. This selection tried to fetch {ids.Count} nodes that exceeded the maximum allowed amount.")
                    {
                        Code = "HC0076",
                        Extensions = new() { ["requestedNodes"] = ids.Count, ["maxAllowedNodes"] = max },
                    };
                }
                return new AllResults([.. ids.Select((id, index) => Load(ctx, id, ctx.Path.Append(index)))]);
            });
    }

    /// <summary>
    /// The node an ID names; an ID that names none (malformed, of a type without nodes, a key that
    /// is not one) is null, with a coded error at <paramref name="path"/>, as Hot Chocolate answers.
    /// </summary>
    private static IDataLoaderResult<object?> Load(IResolveFieldContext context, string id, IEnumerable<object> path)
    {
        if (GlobalId.TryParse(id, out var typeName, out _))
        {
            var resolver = context.RequestServices!.GetServices<NodeResolver>().FirstOrDefault(r => r.TypeName == typeName);
            if (resolver is not null && GlobalId.TryParseInt(id, typeName, out var key))
                return resolver.Resolve(context, key.Value);
            if (resolver is null)
                return Invalid(context, $"There is no node resolver registered for type `{typeName}`.", id, path);
        }
        return Invalid(context, "The node ID string has an invalid format.", id, path);
    }

    private static NoNode Invalid(IResolveFieldContext context, string message, string id, IEnumerable<object> path)
    {
        context.Errors.Add(new ExecutionError(message)
        {
            Code = GlobalIdArguments.InvalidIdCode,
            Extensions = new() { ["originalValue"] = id },
            Path = [.. path],
        });
        return NoNode.Instance;
    }

    /// <summary>What an ID that names no node resolves to.</summary>
    private sealed class NoNode : IDataLoaderResult<object?>
    {
        public static readonly NoNode Instance = new();

        public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult<object?>(null);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => GetResultAsync(cancellationToken);
    }

    /// <summary>Awaits several loader results once the engine dispatches them, keeping their order.</summary>
    private sealed class AllResults(IReadOnlyList<IDataLoaderResult<object?>> items) : IDataLoaderResult<List<object?>>
    {
        public async Task<List<object?>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new List<object?>(items.Count);
            foreach (var item in items)
                values.Add(await item.GetResultAsync(cancellationToken).ConfigureAwait(false));
            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
            => await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
