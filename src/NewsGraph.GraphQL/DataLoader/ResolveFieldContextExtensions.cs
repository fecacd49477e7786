using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.DataLoader;

public static class ResolveFieldContextExtensions
{
    /// <summary>The request's instance of a scoped DataLoader.</summary>
    public static TLoader DataLoader<TLoader>(this IResolveFieldContext context)
        where TLoader : notnull
        => (context.RequestServices ?? throw new InvalidOperationException("The execution has no request services."))
            .GetRequiredService<TLoader>();
}
