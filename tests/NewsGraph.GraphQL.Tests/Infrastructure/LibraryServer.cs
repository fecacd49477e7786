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
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Ide;
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
        var database = Path.Combine(Directory.CreateTempSubdirectory("toolkit-tests-").FullName, "catalog.db");
        builder.Services.AddPooledDbContextFactory<CatalogDb>(options => options.UseSqlite($"Data Source={database}"));
        builder.Services.AddSingleton<FetchLog>();
        builder.Services.AddScoped<AuthorByIdDataLoader>();
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<LibrarySchema>()
            .AddGraphTypes(typeof(LibrarySchema).Assembly)
            .AddToolkitTypes()
            .AddSystemTextJson()
            .AddRequestLimits()
            .AddDocumentCache()
            .AddErrorMasking(builder.Environment.IsDevelopment()));

        var app = builder.Build();
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

    public Task<GraphQLHttpResponse> PostAsync(string query, object? variables = null, string? accept = MediaTypes.GraphQLResponse, string? operationName = null)
        => SendJsonAsync(JsonSerializer.Serialize(new { query, variables, operationName }), accept);

    public async Task<GraphQLHttpResponse> SendJsonAsync(string body, string? accept = MediaTypes.GraphQLResponse, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return await GraphQLHttpResponse.ReadAsync(await Client.SendAsync(request));
    }

    public async Task<GraphQLHttpResponse> GetAsync(string pathAndQuery, string? accept = MediaTypes.GraphQLResponse)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
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
