using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.GraphQL;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.Bench;

/// <summary>
/// What the HTTP caching headers cost one response on their own (issue 17): the front page's result
/// (20 stories, executed once) written by the transport's caching step with
/// <c>GraphQL:CacheControl:Enable</c> on (body buffered, <c>ETag</c>, entity keys) and off (streamed,
/// <c>no-store</c>), to a null stream. The difference is what the headers add to a request.
/// <c>dotnet run -c Release --project bench/NewsGraph.Bench -- micro &lt;database file&gt; --filter *CachingHeaders*</c>
/// </summary>
[MemoryDiagnoser]
public class CachingHeaders : IDisposable
{
    private InProcessServer _server = null!;
    private ExecutionResult _frontPage = null!;
    private string[] _fieldKeys = null!;
    private HttpCaching _on = null!;
    private HttpCaching _off = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = new InProcessServer(Environment.GetEnvironmentVariable(HotPaths.DatabaseVariable)
                                      ?? throw new InvalidOperationException($"{HotPaths.DatabaseVariable} is not set."));
        var services = _server.Services;
        var schema = services.GetRequiredService<NewsSchema>();
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var frontPage = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(HotPaths.QueriesFolder(), "ng-a-front-page.json"))).RootElement;
        using var scope = services.CreateScope();
        var options = new ExecutionOptions
        {
            Query = frontPage.GetProperty("query").GetString(),
            Variables = serializer.Deserialize<Inputs>(frontPage.GetProperty("variables").GetRawText()),
            RequestServices = scope.ServiceProvider,
        };
        var keys = ResponseKeys.AttachTo(options.UserContext);
        _frontPage = await services.GetRequiredService<IDocumentExecuter<NewsSchema>>().ExecuteAsync(options);
        if (_frontPage.Errors is { Count: > 0 } errors)
            throw new InvalidOperationException(errors[0].Message);
        _fieldKeys = keys.ToArray();
        _on = new HttpCaching(schema, serializer, new CacheControlOptions { Enable = true }, null);
        _off = new HttpCaching(schema, serializer, new CacheControlOptions { Enable = false }, null);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _server.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "front page written, caching headers off (streamed, no-store)")]
    public Task HeadersOff() => WriteAsync(_off);

    [Benchmark(Description = "front page written, caching headers on (buffered, ETag, entity keys)")]
    public Task HeadersOn() => WriteAsync(_on);

    private Task WriteAsync(HttpCaching caching)
    {
        var http = new DefaultHttpContext();
        http.Response.Body = Stream.Null;
        var keys = new ResponseKeys();
        keys.Add(_fieldKeys);
        return caching.WriteAsync(http, _frontPage, MediaTypes.GraphQLResponse, null, keys, mayCache: true, lookup: null);
    }
}
