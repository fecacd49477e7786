using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsGraph.Api.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "News";
    private const string DefaultConnectionString = "Data Source=data/newsgraph.db";

    /// <summary>
    /// The embedded SQLite database (<c>ConnectionStrings:News</c>, by default <c>data/newsgraph.db</c>
    /// under the content root) behind a pooled DbContext factory: each resolver and DataLoader batch
    /// takes its own short-lived context, so parallel resolvers never share one.
    /// Interceptors registered as <see cref="IInterceptor"/> services are added to every context.
    /// </summary>
    public static IServiceCollection AddNewsData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = ResolveSqlitePath(
            configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString, environment.ContentRootPath);
        services.AddPooledDbContextFactory<NewsDbContext>((sp, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

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
