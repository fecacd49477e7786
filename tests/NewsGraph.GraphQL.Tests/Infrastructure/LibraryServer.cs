using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Ide;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.GraphQL.Tests.Infrastructure;

/// <summary>The toolkit wired the way an application wires it, over the library toy schema, on a test server.</summary>
public sealed class LibraryServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly string _database;

    private LibraryServer(WebApplication app, string database)
    {
        _app = app;
        _database = database;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public static async Task<LibraryServer> StartAsync(IDictionary<string, string?>? settings = null, string environment = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddGraphQLServerOptions(builder.Configuration);
        builder.Services.AddTrustedDocuments(builder.Configuration);
        builder.Services.AddHttpCaching(builder.Configuration);
        var database = Path.Combine(Directory.CreateTempSubdirectory("toolkit-tests-").FullName, "catalog.db");
        builder.Services.AddPooledDbContextFactory<CatalogDb>(options => options.UseSqlite($"Data Source={database}"));
        builder.Services.AddSingleton<FetchLog>();
        builder.Services.AddSingleton<ExecutionGate>();
        builder.Services.AddScoped<AuthorByIdDataLoader>();
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<LibrarySchema>()
            .AddGraphTypes(typeof(LibrarySchema).Assembly)
            .AddToolkitTypes()
            .AddSystemTextJson()
            .AddRequestLimits()
            .AddCacheControl()
            .AddDocumentCache()
            .AddFieldAuthorization()
            .AddSubscriptions()
            .AddErrorMasking(builder.Environment.IsDevelopment()));
        builder.Services.AddSingleton<IConnectionAuthenticator, TestTokens>();

        var app = builder.Build();
        app.UseWebSockets();
        app.Use(TestTokens.AuthenticateAsync);
        app.UseBananaCakePop("/graphql");
        app.UseRouting();
        app.MapGraphQL<LibrarySchema>("/graphql");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<CatalogDb>>().CreateDbContextAsync())
        {
            await db.Database.EnsureCreatedAsync();
            db.Products.AddRange(CatalogDb.Seed());
            await db.SaveChangesAsync();
        }
        await app.StartAsync();
        return new LibraryServer(app, database);
    }

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Publishes a book to the <c>bookAdded</c> subscriptions.</summary>
    public ValueTask PublishAsync(Book book) => Service<Events.IEventBus>().PublishAsync(LibrarySubscription.Topic, book);

    /// <summary>Waits until <c>bookAdded</c>/<c>rareBookAdded</c> have exactly <paramref name="count"/> live subscriptions.</summary>
    public async Task WaitForSubscribersAsync(int count)
    {
        var bus = (Events.InMemoryEventBus)Service<Events.IEventBus>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (bus.Subscribers(LibrarySubscription.Topic) != count)
            await Task.Delay(10, timeout.Token);
    }

    /// <summary>A WebSocket to <c>/graphql</c> offering <paramref name="subprotocols"/>.</summary>
    public Task<GraphQLSocket> ConnectAsync(params string[] subprotocols) => ConnectAsync(subprotocols, null);

    public async Task<GraphQLSocket> ConnectAsync(string[] subprotocols, string? bearerToken)
    {
        var client = _app.GetTestServer().CreateWebSocketClient();
        foreach (var protocol in subprotocols)
            client.SubProtocols.Add(protocol);
        if (bearerToken is not null)
            client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {bearerToken}";
        return new GraphQLSocket(await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None));
    }

    public Task<GraphQLHttpResponse> PostAsync(string query, object? variables = null, string? accept = MediaTypes.GraphQLResponse, string? operationName = null,
        IDictionary<string, string>? headers = null)
        => SendJsonAsync(JsonSerializer.Serialize(new { query, variables, operationName }), accept, headers: headers);

    public async Task<GraphQLHttpResponse> SendJsonAsync(string body, string? accept = MediaTypes.GraphQLResponse, string contentType = "application/json",
        IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        return await GraphQLHttpResponse.ReadAsync(await Client.SendAsync(request));
    }

    /// <summary>The <c>Authorization</c> header of a signed-in <paramref name="role"/>.</summary>
    public static Dictionary<string, string> SignedInAs(string role)
        => new() { ["Authorization"] = "Bearer " + TestTokens.For(role, role, DateTimeOffset.UtcNow.AddHours(1)) };

    public async Task<GraphQLHttpResponse> GetAsync(string pathAndQuery, string? accept = MediaTypes.GraphQLResponse, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        return await GraphQLHttpResponse.ReadAsync(await Client.SendAsync(request));
    }

    /// <summary>The catalog as EF reads it, for expectations.</summary>
    public async Task<List<Product>> ProductsAsync()
    {
        await using var db = await Service<IDbContextFactory<CatalogDb>>().CreateDbContextAsync();
        return await db.Products.AsNoTracking().Include(p => p.Brand).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_database)!, recursive: true);
    }
}
