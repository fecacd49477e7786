using System.Text.Json;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Purging;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Purging;

/// <summary>Purges reach each configured target (a webhook, a Varnish, Fastly), retried with backoff, and are raised as an event.</summary>
public sealed class CachePurgerTests : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _started = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var started in Enumerable.Reverse(_started))
            await started.DisposeAsync();
    }

    private async Task<PurgeReceiver> ReceiverAsync()
    {
        var receiver = await PurgeReceiver.StartAsync();
        _started.Add(receiver);
        return receiver;
    }

    private async Task<CachePurger> PurgerAsync(params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => "CachePurge:" + s.Key, s => (string?)s.Value);
        all.TryAdd("CachePurge:RetryDelay", "00:00:00.050");
        var server = await LibraryServer.StartAsync(all);
        _started.Add(server);
        return server.Service<CachePurger>();
    }

    [Fact]
    public async Task AWebhook_GetsThePurgedKeysAndTheReason_AsJson()
    {
        var hook = await ReceiverAsync();
        var purger = await PurgerAsync(("Targets:0:Kind", "Webhook"), ("Targets:0:Url", hook.Url.ToString()),
            ("Targets:0:Headers:Authorization", "Bearer hook-secret"));

        await purger.PurgeAsync(["book:7", "books", "book:7"], "book 7 corrected");
        var received = (await hook.WaitForAsync(1)).Single();

        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal("POST", received.Method);
        Assert.Equal("Bearer hook-secret", received.Headers["Authorization"]);
        Assert.Equal(["book:7", "books"], body.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("book 7 corrected", body.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task VarnishAndFastlyTargets_GetTheKeysInAHeader()
    {
        var varnish = await ReceiverAsync();
        var fastly = await ReceiverAsync();
        var purger = await PurgerAsync(
            ("Targets:0:Url", varnish.Url.ToString()),
            ("Targets:1:Url", fastly.Url.ToString()), ("Targets:1:Method", "POST"), ("Targets:1:KeyHeader", "Surrogate-Key"),
            ("Targets:1:Headers:Fastly-Key", "fastly-token"));

        await purger.PurgeAsync(["shelf:a", "book:1"], "test");
        var xkey = (await varnish.WaitForAsync(1)).Single();
        var surrogate = (await fastly.WaitForAsync(1)).Single();

        Assert.Equal("PURGE", xkey.Method);
        Assert.Equal("book:1 shelf:a", xkey.Headers["xkey"]);
        Assert.Equal("POST", surrogate.Method);
        Assert.Equal("book:1 shelf:a", surrogate.Headers["Surrogate-Key"]);
        Assert.Equal("fastly-token", surrogate.Headers["Fastly-Key"]);
    }

    [Fact]
    public async Task AFailingTarget_IsRetriedWithGrowingDelays_UntilItAnswers()
    {
        var varnish = await ReceiverAsync();
        varnish.Failures.Enqueue(503);
        varnish.Failures.Enqueue(503);
        var purger = await PurgerAsync(("Targets:0:Url", varnish.Url.ToString()), ("RetryDelay", "00:00:00.100"));

        await purger.PurgeAsync(["book:1"], "test");
        await purger.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var received = varnish.Received;

        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal("book:1", r.Headers["xkey"]));
        var firstWait = received[1].At - received[0].At;
        var secondWait = received[2].At - received[1].At;
        Assert.True(firstWait >= TimeSpan.FromMilliseconds(90), $"first retry after {firstWait}");
        Assert.True(secondWait >= TimeSpan.FromMilliseconds(190), $"second retry after {secondWait}");
    }

    [Fact]
    public async Task ARefusal_IsNotRetried_AndATargetThatStaysDown_IsGivenUp()
    {
        var refusing = await ReceiverAsync();
        refusing.Failures.Enqueue(403);
        var down = await ReceiverAsync();
        for (var i = 0; i < 10; i++)
            down.Failures.Enqueue(502);
        var purger = await PurgerAsync(("Targets:0:Url", refusing.Url.ToString()), ("Targets:1:Url", down.Url.ToString()), ("MaxAttempts", "3"));

        await purger.PurgeAsync(["book:1"], "test");
        await purger.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(refusing.Received);
        Assert.Equal(3, down.Received.Count);
    }

    [Fact]
    public async Task ManyKeys_GoInRequestsOfAtMostTheTargetsBatchSize()
    {
        var fastly = await ReceiverAsync();
        var purger = await PurgerAsync(("Targets:0:Url", fastly.Url.ToString()), ("Targets:0:MaxKeysPerRequest", "2"));

        await purger.PurgeAsync(["a", "b", "c", "d", "e"], "test");
        await purger.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a b", "c d", "e"], fastly.Received.Select(r => r.Headers["xkey"]));
    }

    [Fact]
    public async Task EveryPurge_IsRaisedOnTheEventBus()
    {
        var server = await LibraryServer.StartAsync();
        _started.Add(server);
        await using var purges = server.Service<IEventBus>().Subscribe<CachePurged>(CachePurged.Topic);

        await server.Service<CachePurger>().PurgeAsync(["book:1"], "book 1 changed");
        await using var events = purges.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(["book:1"], events.Current.Keys);
        Assert.Equal("book 1 changed", events.Current.Reason);
    }
}
