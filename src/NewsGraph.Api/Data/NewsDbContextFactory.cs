using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Api.Data;

/// <summary>The provider's pooled factory, as the <see cref="NewsDbContext"/> factory the application asks for.</summary>
public sealed class NewsDbContextFactory<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<NewsDbContext>
    where TContext : NewsDbContext
{
    public NewsDbContext CreateDbContext() => contexts.CreateDbContext();

    public async Task<NewsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        => await contexts.CreateDbContextAsync(cancellationToken);
}
