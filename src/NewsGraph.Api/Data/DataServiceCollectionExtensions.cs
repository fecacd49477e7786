using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Npgsql;
using NewsGraph.GraphQL.Errors;
using NewsGraph.Api.Data.PostgreSql;
using NewsGraph.Api.Data.Sqlite;

namespace NewsGraph.Api.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "News";
    private const string DefaultConnectionString = "Data Source=data/newsgraph.db";
    private const int SqliteContextPoolSize = 12;
    private const int PostgresContextPoolSize = 128;
    private const int PostgresMaxPoolSize = 64;
    private const int PostgresMaxAutoPrepare = 64;

    /// <summary>
    /// The content database (<c>Database:Provider</c>, <c>ConnectionStrings:News</c>) behind a pooled
    /// DbContext factory: each resolver and DataLoader batch takes its own short-lived context, so
    /// resolvers never share one. Interceptors registered as <see cref="IInterceptor"/> services are
    /// added to every context.
    /// </summary>
    public static IServiceCollection AddNewsData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        var provider = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.PostgreSQL)
            services.AddPostgres(connectionString);
        else
            services.AddSqlite(ResolveSqlitePath(connectionString ?? DefaultConnectionString, environment.ContentRootPath));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Health.HealthTags.Ready]);
        return services;
    }

    /// <summary>The embedded SQLite file (by default <c>data/newsgraph.db</c> under the content root).</summary>
    private static void AddSqlite(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<SqliteConnectionSettings>();
        services.AddSingleton<SqliteStatementReuse>();
        services.AddPooledDbContextFactory<SqliteNewsDbContext>((sp, options) => options
            // DataLoaders send their keys as one JSON parameter (`IN (SELECT value FROM json_each(@keys))`):
            // the SQL then no longer depends on how many keys there are, so EF Core generates it once
            // instead of once per batch.
            .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .KeepConnectionsOpen()
            .AddInterceptors(sp.GetRequiredService<SqliteConnectionSettings>(), sp.GetRequiredService<SqliteStatementReuse>())
            .AddInterceptors(sp.GetServices<IInterceptor>()),
            // Each pooled context keeps its connection, and each connection its own page cache
            // (SqliteConnectionSettings, whose soft heap limit bounds them all together). Resolvers
            // take a context only while their statement runs, so a few are in use at any moment;
            // beyond the pool, contexts are still created, just not kept.
            poolSize: SqliteContextPoolSize);
        services.AddSingleton<IDbContextFactory<NewsDbContext>, NewsDbContextFactory<SqliteNewsDbContext>>();
    }

    /// <summary>
    /// A PostgreSQL server. Unless the connection string says otherwise, a connection attempt gives
    /// up after 3 seconds; while the server is away, requests fail at once (<see cref="DatabaseAvailability"/>).
    /// And at most <see cref="PostgresMaxPoolSize"/> connections are open: a level's DataLoader batches
    /// run side by side, each on a connection of its own (an article page: four), and Npgsql's
    /// default of 100 is more than PostgreSQL's default <c>max_connections</c> lets a non-superuser
    /// open (97), so 32 concurrent article pages could be refused with "too many clients".
    /// </summary>
    private static void AddPostgres(this IServiceCollection services, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"Database:Provider is PostgreSQL: set ConnectionStrings:{ConnectionStringName} to its connection string (Host=…;Database=…;Username=…).");
        var effective = PostgresConnectionString(connectionString);
        services.AddSingleton<DatabaseAvailability>();
        services.AddSingleton<IUnavailableDependencyDetector>(sp => sp.GetRequiredService<DatabaseAvailability>());
        services.AddPooledDbContextFactory<PostgresNewsDbContext>((sp, options) => options
            .UseNpgsql(effective)
            .ReplaceService<IQuerySqlGeneratorFactory, NullsFirstQuerySqlGeneratorFactory>()
            .AddInterceptors(sp.GetRequiredService<DatabaseAvailability>())
            .AddInterceptors(sp.GetServices<IInterceptor>()),
            poolSize: PostgresContextPoolSize);
        services.AddSingleton<IDbContextFactory<NewsDbContext>, NewsDbContextFactory<PostgresNewsDbContext>>();
    }

    /// <summary>
    /// The connection string with this application's defaults for what it does not say: a 3-second
    /// connection timeout, at most <see cref="PostgresMaxPoolSize"/> connections, statements prepared
    /// automatically (<see cref="PostgresMaxAutoPrepare"/> per connection, after Npgsql's default of 5
    /// uses: PostgreSQL then skips parsing and planning, most of its work for a page's statements), and
    /// no session reset when a connection goes back to the pool. Npgsql's reset is a <c>DISCARD ALL</c>
    /// sent with the next statement, or once statements are prepared a longer series that keeps them,
    /// and every DataLoader batch leases a connection of its own; the application keeps no session
    /// state on pooled connections (<c>SET LOCAL</c> only, advisory locks released by their holder).
    /// docs/operations.md says what a migration that changes a column's type then needs.
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Says(connectionString, "Timeout"))
            builder.Timeout = 3;
        if (!Says(connectionString, "Max Pool") && !Says(connectionString, "Maximum Pool"))
            builder.MaxPoolSize = PostgresMaxPoolSize;
        if (!Says(connectionString, "Reset On Close"))
            builder.NoResetOnClose = true;
        if (!Says(connectionString, "Max Auto Prepare"))
            builder.MaxAutoPrepare = PostgresMaxAutoPrepare;
        return builder.ConnectionString;
    }

    private static bool Says(string connectionString, string setting) => connectionString.Contains(setting, StringComparison.OrdinalIgnoreCase);

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
