using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Api.Data;

public static class ResolveFieldContextExtensions
{
    /// <summary>A DbContext of the resolver's own, to dispose when it is done.</summary>
    public static Task<NewsDbContext> CreateDbContextAsync(this IResolveFieldContext context)
        => (context.RequestServices ?? throw new InvalidOperationException("The execution has no request services."))
            .GetRequiredService<IDbContextFactory<NewsDbContext>>()
            .CreateDbContextAsync(context.CancellationToken);
}
