using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace NewsGraph.Api.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "News";
    private const string DefaultConnectionString = "Data Source=data/newsgraph.db";
    private const int ContextPoolSize = 12;

    /// <summary>
    /// The embedded SQLite database (<c>ConnectionStrings:News</c>, by default <c>data/newsgraph.db</c>
    /// under the content root) behind a pooled DbContext factory: each resolver and DataLoader batch
    /// takes its own short-lived context, so resolvers never share one.
    /// Interceptors registered as <see cref="IInterceptor"/> services are added to every context.
    /// </summary>
    public static IServiceCollection AddNewsData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = ResolveSqlitePath(
            configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString, environment.ContentRootPath);
        services.AddSingleton<SqliteConnectionSettings>();
        services.AddPooledDbContextFactory<NewsDbContext>((sp, options) => options
            // DataLoaders send their keys as one JSON parameter (`IN (SELECT value FROM json_each(@keys))`):
            // the SQL then no longer depends on how many keys there are, so EF Core generates it once
            // instead of once per batch.
            .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .KeepConnectionsOpen()
            .AddInterceptors(sp.GetRequiredService<SqliteConnectionSettings>())
            .AddInterceptors(sp.GetServices<IInterceptor>()),
            // Each pooled context keeps its connection, and each connection its own page cache
            // (SqliteConnectionSettings, whose soft heap limit bounds them all together). Resolvers
            // take a context only while their statement runs, so a few are in use at any moment;
            // beyond the pool, contexts are still created, just not kept.
            poolSize: ContextPoolSize);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

#pragma warning disable EF1001 // ISqliteRelationalConnection is internal to EF Core; see KeptOpenSqliteConnection for why.
    private static DbContextOptionsBuilder KeepConnectionsOpen(this DbContextOptionsBuilder options)
        => options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001

    /// <summary>Makes a relative database file absolute against the content root and creates its folder.</summary>
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            return connectionString;
        var path = Path.GetFullPath(dataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.DataSource = path;
        return builder.ToString();
    }
}
