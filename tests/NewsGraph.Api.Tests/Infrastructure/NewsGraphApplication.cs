using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// The real application on a test server, over its own database (a SQLite file in a temporary
/// folder, or a PostgreSQL database of its own: <see cref="TestDatabase"/>), migrated and seeded as
/// on a first start. Every SQL command goes through <see cref="Sql"/>.
/// </summary>
public sealed class NewsGraphApplication : WebApplicationFactory<Program>
{
    public const string SeedSlug = "us-space-commander-calls-for-deepening-security-ties-with-s-korea-in-space-field";

    private readonly string _folder;

    private readonly bool _ownsFolder;

    public NewsGraphApplication()
        : this(Directory.CreateTempSubdirectory("newsgraph-tests-").FullName, ownsFolder: true)
    {
    }

    private NewsGraphApplication(string folder, bool ownsFolder)
    {
        _folder = folder;
        _ownsFolder = ownsFolder;
    }

    /// <summary>An application over the database in <paramref name="folder"/>, which outlives it.</summary>
    public static NewsGraphApplication OnFolder(string folder) => new(folder, ownsFolder: false);

    public string Folder => _folder;

    /// <summary>The SQLite file (on SQLite).</summary>
    public string DatabasePath => Path.Combine(_folder, "news.db");

    public SqlCommandLog Sql { get; } = new();

    public Dictionary<string, string?> Settings { get; } = [];

    public string Environment { get; init; } = "Testing";

    /// <summary>
    /// Cost limits far above Hot Chocolate's defaults, for tests that read whole pages of 50 with
    /// lists nested in them to count statements (the limits themselves are tested in CostAnalysisTests).
    /// </summary>
    public bool LiftCostLimits
    {
        init
        {
            if (!value)
                return;
            Settings["GraphQL:Cost:MaxFieldCost"] = "1000000";
            Settings["GraphQL:Cost:MaxTypeCost"] = "1000000";
        }
    }

    /// <summary>Adds to the application's logging (a capturing provider, a lower level) after its own settings.</summary>
    public Action<ILoggingBuilder>? ExtraLogging { get; init; }

    /// <summary>Replaces or adds services after the application's own.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", TestDatabase.Provider.ToString());
        builder.UseSetting("ConnectionStrings:News", TestDatabase.ConnectionStringFor(_folder));
        builder.UseSetting("Auth:SigningKeyFile", Path.Combine(_folder, "jwt-signing.key"));
        if (TestDatabase.IsPostgres)
            builder.UseSetting("Auth:SigningKey", TestDatabase.SigningKeyFor(_folder));
        if (TestRedis.IsOn)
        {
            builder.UseSetting("Redis:Configuration", TestRedis.Configuration);
            builder.UseSetting("Redis:KeyPrefix", TestRedis.KeyPrefixFor(_folder));
        }
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            ExtraLogging?.Invoke(logging);
        });
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(Sql);
            ExtraServices?.Invoke(services);
        });
    }

    public async Task<NewsDbContext> CreateDbContextAsync()
        => await Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();

    public Task<GraphQLHttpResponse> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json", string? token = null)
        => SendJsonAsync(JsonSerializer.Serialize(new { query, variables }), accept, token);

    /// <summary>A bearer token for <paramref name="role"/> (reader, editor, admin), or null for anonymous.</summary>
    public string? TokenFor(string? role, string? name = null, TimeSpan? lifetime = null)
        => role is null ? null : Services.GetRequiredService<NewsGraph.Api.Auth.TokenIssuer>().Issue(name ?? role, role, lifetime);

    /// <summary>A GraphQL WebSocket (graphql-transport-ws unless told otherwise) to the test server.</summary>
    public async Task<GraphQLSocket> ConnectAsync(string protocol = "graphql-transport-ws")
    {
        var client = Server.CreateWebSocketClient();
        client.SubProtocols.Add(protocol);
        return new GraphQLSocket(await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None));
    }

    /// <summary>How many subscriptions <paramref name="topic"/> has on this instance's event bus (in process or Redis).</summary>
    public int Subscribers(string topic) => Services.GetRequiredService<NewsGraph.GraphQL.Events.IEventBus>() switch
    {
        NewsGraph.GraphQL.Events.InMemoryEventBus inProcess => inProcess.Subscribers(topic),
        NewsGraph.GraphQL.Events.RedisEventBus redis => redis.Subscribers(topic),
        var other => throw new InvalidOperationException($"No subscriber count for {other.GetType().Name}."),
    };

    /// <summary>Waits until the event bus has exactly <paramref name="count"/> subscriptions on <paramref name="topic"/>.</summary>
    public async Task WaitForSubscribersAsync(string topic, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Subscribers(topic) != count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{topic} has {Subscribers(topic)} subscriptions after 30 s, not {count} (a refused subscription gets an error message on its socket).");
            await Task.Delay(10);
        }
    }

    public Task<GraphQLHttpResponse> SendJsonAsync(
        string body, string accept = "application/graphql-response+json", string? token = null, IDictionary<string, string>? headers = null)
        => SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8) { Headers = { ContentType = MediaTypeHeaderValue.Parse("application/json") } },
        }, accept, token, headers);

    /// <summary>A GET of <paramref name="pathAndQuery"/> (a trusted document's URL, say), with <paramref name="headers"/> (<c>If-None-Match</c>).</summary>
    public Task<GraphQLHttpResponse> GetAsync(
        string pathAndQuery, string accept = "application/graphql-response+json", string? token = null, IDictionary<string, string>? headers = null)
        => SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery), accept, token, headers);

    private async Task<GraphQLHttpResponse> SendAsync(HttpRequestMessage request, string accept, string? token, IDictionary<string, string>? headers)
    {
        using var client = CreateClient();
        using (request)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                request.Headers.TryAddWithoutValidation(name, value);
            return await GraphQLHttpResponse.ReadAsync(await client.SendAsync(request));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!disposing || !_ownsFolder)   // never from the finalizer: a throw there ends the test host
            return;
        TestDatabase.Drop(_folder);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A reader may still hold the file for a moment; the OS cleans temp folders anyway.
        }
    }
}
