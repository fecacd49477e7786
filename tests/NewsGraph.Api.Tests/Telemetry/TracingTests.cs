using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Data;
using NewsGraph.Api.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsGraph.Api.Tests.Telemetry;

/// <summary>
/// OpenTelemetry as an operator sees it, through the in-memory exporter: for one front page, the
/// span tree HTTP request → GraphQL operation → DataLoader batch → SQL command and the operation's
/// duration; the same for one subscription event. Listeners are process-wide, so every lookup
/// starts from this test's own, uniquely named operation.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private readonly LockedList<Activity> _spans = [];
    private readonly LockedList<Metric> _metrics = [];
    private readonly NewsGraphApplication _app;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public TracingTests()
    {
        _app = new NewsGraphApplication
        {
            ExtraServices = services => services
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans))
                .ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics)),
        };
        _app.Settings["Telemetry:Enabled"] = "true";
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AFrontPage_IsTracedFromHttpToSql_AndTimed()
    {
        var name = "FrontPage" + _suffix;

        var response = await _app.PostAsync($"query {name} {{ articles(first: 5) {{ nodes {{ headline authors {{ name }} }} }} }}");

        Assert.True(response.Errors.Count == 0, response.Text);
        var operation = Single($"query {name}");
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal(name, operation.GetTagItem("graphql.operation.name"));
        Assert.Equal(64, ((string)operation.GetTagItem("graphql.document.hash")!).Length);
        // The HTTP request's span ends after its response is sent: a response with a Content-Length
        // (a cacheable one is sent from a buffer) can reach the client first.
        var request = await WaitForAsync(() => Parent(operation));
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
        AssertBatchWithSql(operation, "Article.authors");
        Assert.Contains(Children(operation), s => s.DisplayName == "GraphQL validate");
        Assert.Equal(1L, DurationCount(name));
    }

    [Fact]
    public async Task ASubscriptionEvent_IsAnOperationOfItsOwn_WithItsBatchesAndSql()
    {
        var name = "Published" + _suffix;
        await using var socket = await _app.ConnectAsync();
        await socket.InitAsync();
        await socket.SubscribeAsync("live", $"subscription {name} {{ articlePublished {{ headline authors {{ name }} }} }}");
        await _app.WaitForSubscribersAsync(ArticleEvent.Topic, 1);
        var editor = _app.TokenFor("editor");
        var created = await _app.PostAsync(
            "mutation { createArticle(input: { headline: \"Traced story\", section: \"World\", paragraphs: [\"Body.\"] }) { article { id version } } }",
            token: editor);
        var article = created.Data.GetProperty("createArticle").GetProperty("article");

        await _app.PostAsync("mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } } }",
            new { input = new { id = article.GetProperty("id").GetString(), version = article.GetProperty("version").GetInt32() } }, token: editor);
        await socket.ReceiveUntilAsync("live", "next");

        var evented = await WaitForAsync(() => Snapshot().FirstOrDefault(s => s.DisplayName == $"subscription {name}" && s.GetTagItem("graphql.subscription.event") is true));
        Assert.Equal(default, evented.ParentSpanId); // a trace of its own...
        Assert.Single(evented.Links);                // ...linked to the subscribing operation's
        AssertBatchWithSql(evented, "Article.authors");
        Assert.True(DurationCount(name) >= 1);
    }

    [Fact]
    public async Task TheStandardSamplerSetting_DropsTraces_ButNotMetrics()
    {
        _app.Settings["OTEL_TRACES_SAMPLER"] = "always_off";
        var name = "Unsampled" + _suffix;

        var response = await _app.PostAsync($"query {name} {{ articles(first: 1) {{ nodes {{ headline }} }} }}");

        Assert.True(response.Errors.Count == 0, response.Text);
        Assert.Equal(1L, DurationCount(name));
        Assert.DoesNotContain(Snapshot(), s => s.DisplayName == $"query {name}");
    }

    [Fact]
    public async Task EfCoreEvents_AreListenedTo_OnlyWhereEfCoreTracesTheCommands()
    {
        var response = await _app.PostAsync("{ articles(first: 1) { nodes { headline } } }");

        Assert.True(response.Errors.Count == 0, response.Text);
        // EF Core builds a payload for each command, connection and reader event someone listens to;
        // on PostgreSQL Npgsql traces the commands, so nobody should.
        var listeners = new EfCoreListeners();
        using (DiagnosticListener.AllListeners.Subscribe(listeners))
            Assert.NotEmpty(listeners.Found);
        Assert.Equal(TestDatabase.Provider == DatabaseProvider.Sqlite, listeners.Found.Any(l => l.IsEnabled()));
    }

    private void AssertBatchWithSql(Activity operation, string loader)
    {
        var batch = Descendants(operation).Single(s => s.DisplayName == "DataLoader " + loader);
        Assert.True((int)batch.GetTagItem("graphql.dataloader.batch.size")! >= 1);
        var sql = Assert.Single(Children(batch));
        Assert.Equal(ActivityKind.Client, sql.Kind);
        Assert.Contains("Bylines", string.Join(" ", sql.TagObjects.Select(t => t.Value)), StringComparison.Ordinal);
        Assert.Equal(TestDatabase.Provider == DatabaseProvider.PostgreSQL ? "postgresql" : "sqlite", sql.GetTagItem("db.system") ?? sql.GetTagItem("db.system.name"));
    }

    private long DurationCount(string operationName)
    {
        _app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        long count = 0;
        foreach (var metric in _metrics.Snapshot().Where(m => m.Name == "graphql.server.operation.duration"))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    if (tag.Key == "graphql.operation.name" && Equals(tag.Value, operationName))
                        count += point.GetHistogramCount();
                }
            }
        }
        return count;
    }

    private Activity Single(string displayName) => Snapshot().Single(s => s.DisplayName == displayName);

    private Activity? Parent(Activity span) => Snapshot().FirstOrDefault(s => s.SpanId == span.ParentSpanId && s.TraceId == span.TraceId);

    private IEnumerable<Activity> Children(Activity span) => Snapshot().Where(s => s.ParentSpanId == span.SpanId && s.TraceId == span.TraceId);

    private IEnumerable<Activity> Descendants(Activity span)
        => Children(span).SelectMany(child => Descendants(child).Prepend(child));

    private Activity[] Snapshot() => _spans.Snapshot();

    private sealed class EfCoreListeners : IObserver<DiagnosticListener>
    {
        public List<DiagnosticListener> Found { get; } = [];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore")
                Found.Add(value);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }
    }

    private static async Task<Activity> WaitForAsync(Func<Activity?> find)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (find() is { } found)
                return found;
            await Task.Delay(20, timeout.Token);
        }
    }
}
