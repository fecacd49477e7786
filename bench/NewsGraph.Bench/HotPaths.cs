using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Articles;
using NewsGraph.Api.GraphQL;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Filtering;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.Bench;

/// <summary>
/// The per-request hot paths, each on its own: translating <c>where</c> and <c>order</c> into LINQ,
/// cursors, DataLoader dispatch, result serialization, and one whole front page in-process.
/// <c>dotnet run -c Release --project bench/NewsGraph.Bench -- micro &lt;database file&gt;</c>
/// </summary>
[MemoryDiagnoser]
public class HotPaths : IDisposable
{
    /// <summary>The database to read (set by <c>micro</c>; BenchmarkDotNet runs each benchmark in a child process, which inherits it).</summary>
    public const string DatabaseVariable = "NEWSGRAPH_BENCH_DATABASE";

    private InProcessServer _server = null!;
    private HttpClient _client = null!;
    private IGraphType _filterType = null!;
    private IGraphType _orderType = null!;
    private Dictionary<string, object?> _where = null!;
    private List<object?> _order = null!;
    private string _fingerprint = null!;
    private IReadOnlyList<OrderKey> _keys = null!;
    private string _cursor = null!;
    private ExecutionResult _frontPage = null!;
    private IGraphQLTextSerializer _serializer = null!;
    private byte[] _frontPageRequest = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = new InProcessServer(Environment.GetEnvironmentVariable(DatabaseVariable)
                                      ?? throw new InvalidOperationException($"{DatabaseVariable} is not set."));
        _client = _server.CreateClient();
        var services = _server.Services;
        var schema = services.GetRequiredService<NewsSchema>();
        schema.Initialize();
        var articles = schema.Query.GetField("articles")!;
        _filterType = articles.Arguments!.Find("where")!.ResolvedType!;
        _orderType = articles.Arguments!.Find("order")!.ResolvedType!;
        _where = new Dictionary<string, object?>
        {
            ["section"] = new Dictionary<string, object?> { ["slug"] = new Dictionary<string, object?> { ["eq"] = "business" } },
            ["headline"] = new Dictionary<string, object?> { ["contains"] = "tariff" },
            ["publishedAt"] = new Dictionary<string, object?> { ["gte"] = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(9)) },
        };
        _order = [new Dictionary<string, object?> { ["publishedAt"] = "DESC" }, new Dictionary<string, object?> { ["headline"] = "ASC" }];
        _keys = SortTranslator.ToKeys<Article>(_orderType, _order);
        _fingerprint = KeysetCursor.Fingerprint(_keys);
        _cursor = KeysetCursor.Encode(_fingerprint, [new DateTime(2024, 5, 1, 3, 0, 0, DateTimeKind.Utc), "A headline", 4242]);

        var frontPage = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(QueriesFolder(), "ng-a-front-page.json"))).RootElement;
        _frontPageRequest = Encoding.UTF8.GetBytes(frontPage.GetRawText());
        _serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        using var scope = services.CreateScope();
        _frontPage = await services.GetRequiredService<IDocumentExecuter<NewsSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = frontPage.GetProperty("query").GetString(),
            Variables = _serializer.Deserialize<Inputs>(frontPage.GetProperty("variables").GetRawText()),
            RequestServices = scope.ServiceProvider,
        });
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "where: section, headline contains, date range -> LINQ predicate")]
    public object? FilterTranslation() => FilterTranslator.ToPredicate<Article>(_filterType, _where);

    [Benchmark(Description = "order: publishedAt DESC, headline -> order keys")]
    public object SortTranslation() => SortTranslator.ToKeys<Article>(_orderType, _order);

    [Benchmark(Description = "cursor: encode three keys")]
    public string CursorEncode() => KeysetCursor.Encode(_fingerprint, [new DateTime(2024, 5, 1, 3, 0, 0, DateTimeKind.Utc), "A headline", 4242]);

    [Benchmark(Description = "cursor: decode and check three keys")]
    public bool CursorDecode() => KeysetCursor.TryDecode(_cursor, _fingerprint, _keys, out _);

    [Benchmark(Description = "DataLoader: 50 loads (20 distinct keys), one batch")]
    public async Task<int> DataLoaderDispatch()
    {
        var loader = new SquareLoader();
        var results = new List<global::GraphQL.DataLoader.IDataLoaderResult<Box?>>(50);
        for (var i = 0; i < 50; i++)
            results.Add(loader.LoadAsync(i % 20));
        var sum = 0;
        foreach (var result in results)
            sum += (await result.GetResultAsync())?.Value ?? 0;
        return sum;
    }

    [Benchmark(Description = "serialize the front page result (20 stories)")]
    public async Task SerializeFrontPage() => await _serializer.WriteAsync(Stream.Null, _frontPage);

    [Benchmark(Description = "whole front page request, in-process (HTTP pipeline, SQL, JSON)")]
    public async Task<int> FrontPageRequest()
    {
        using var content = new ByteArrayContent(_frontPageRequest);
        content.Headers.ContentType = new("application/json");
        using var response = await _client.PostAsync(new Uri("/graphql", UriKind.Relative), content);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    internal static string QueriesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "bench", "queries")))
                return Path.Combine(dir.FullName, "bench", "queries");
        }
        throw new DirectoryNotFoundException("bench/queries");
    }

    private sealed class SquareLoader : BatchDataLoader<int, Box>
    {
        protected override Task<Dictionary<int, Box>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
            => Task.FromResult(keys.ToDictionary(k => k, k => new Box(k * k)));
    }

    private sealed record Box(int Value);
}
