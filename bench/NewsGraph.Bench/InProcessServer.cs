using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsGraph.Bench;

/// <summary>
/// The application over an existing database, in this process, with the last SQL commands kept:
/// a SQLite file, or a PostgreSQL connection string (<c>Host=…</c>; <c>Auth__SigningKey</c> then
/// comes from the environment).
/// </summary>
public sealed class InProcessServer(string database) : WebApplicationFactory<global::Program>
{
    public CommandCapture Sql { get; } = new();

    // Outside a test project there is no content-root attribute; the application's output folder will do.
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        var host = base.CreateHost(builder);
        // A request runs in its caller's ExecutionContext, so CommandCapture can tell its statements from the background workers'.
        host.GetTestServer().PreserveExecutionContext = true;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var postgres = database.Contains("Host=", StringComparison.OrdinalIgnoreCase);
        builder.UseSetting("Database:Provider", postgres ? "PostgreSQL" : "Sqlite");
        builder.UseSetting("ConnectionStrings:News", postgres ? database : $"Data Source={database}");
        // The larger page sizes the sql command compares would exceed the default cost limits.
        builder.UseSetting("GraphQL:Cost:MaxFieldCost", "1000000");
        builder.UseSetting("GraphQL:Cost:MaxTypeCost", "1000000");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Sql));
    }

    public static async Task<JsonElement> QueryAsync(HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (json.TryGetProperty("errors", out var errors))
            throw new InvalidOperationException(errors.ToString());
        return json.GetProperty("data");
    }
}

/// <summary>
/// Keeps the text and parameters of the commands, to explain their plans afterwards; after
/// <see cref="OnlyFromHere"/>, only those of the requests its caller sends: the server's background
/// workers (the search backlog, purges) use the same interceptor.
/// </summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    private static readonly AsyncLocal<bool> Marked = new();
    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> _commands = [];
    private bool _onlyMarked;

    /// <summary>
    /// From now on keeps only the commands run in the caller's flow (its requests run in its ExecutionContext).
    /// Call it after the server has started, or the workers it starts inherit the mark.
    /// </summary>
    public void OnlyFromHere()
    {
        Marked.Value = true;
        _onlyMarked = true;
    }

    public IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> Commands
    {
        get
        {
            lock (_commands)
                return [.. _commands];
        }
    }

    public void Clear()
    {
        lock (_commands)
            _commands.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_onlyMarked && !Marked.Value)
            return ValueTask.FromResult(result);
        lock (_commands)
            _commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        return ValueTask.FromResult(result);
    }
}
