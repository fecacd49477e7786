using GraphQL;
using GraphQL.Resolvers;

namespace NewsGraph.GraphQL.Fields;

/// <summary>A field resolver from a delegate that returns a task.</summary>
internal sealed class AsyncFieldResolver(Func<IResolveFieldContext, Task<object?>> resolve) : IFieldResolver
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context) => await resolve(context).ConfigureAwait(false);
}
