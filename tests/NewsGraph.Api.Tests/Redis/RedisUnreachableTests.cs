using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Redis;

/// <summary>
/// An instance configured for Redis whose Redis cannot be reached (a loopback port nobody listens
/// on): it starts and serves queries and mutations, counts rate limits on its own, refuses
/// subscriptions with a code, and says so on <c>/readyz</c>.
/// </summary>
public sealed class RedisUnreachableTests : IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public RedisUnreachableTests()
    {
        _app.Settings["Redis:Configuration"] = $"127.0.0.1:{ClosedPort()},connectTimeout=500";
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task QueriesAndMutations_KeepWorking_AndTheRateLimitStillHolds()
    {
        var article = await _app.PostAsync($"{{ article(slug: \"{NewsGraphApplication.SeedSlug}\") {{ headline }} }}");
        var outcomes = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var sent = await _app.PostAsync("mutation($m: String!) { submitFeedback(input: { message: $m }) { feedback { id } errors { __typename } } }", new { m = $"While Redis is away {i}" });
            Assert.True(sent.Errors.Count == 0, sent.Text);
            var payload = sent.Data.GetProperty("submitFeedback");
            outcomes.Add(payload.GetProperty("errors").ValueKind == JsonValueKind.Array ? payload.GetProperty("errors")[0].GetProperty("__typename").GetString()! : "accepted");
        }

        Assert.StartsWith("U.S. space commander", article.Data.GetProperty("article").GetProperty("headline").GetString());
        Assert.Equal([.. Enumerable.Repeat("accepted", 5), "RateLimitedError", "RateLimitedError"], outcomes);
    }

    [Fact]
    public async Task ASubscription_IsRefusedWithACode_AndTheSocketStaysUsable()
    {
        await using var socket = await _app.ConnectAsync();
        await socket.InitAsync(new { Authorization = "Bearer " + _app.TokenFor("editor") });

        await socket.SubscribeAsync("live", "subscription { feedbackSubmitted { message } }");
        var error = await socket.ReceiveUntilAsync("live", "error");
        await socket.SubscribeAsync("q", "{ feedbackForm { prompt } }");
        var answer = await socket.ReceiveUntilAsync("q", "next");

        Assert.Equal("SUBSCRIPTIONS_UNAVAILABLE", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("How can we improve?", answer.GetProperty("payload").GetProperty("data").GetProperty("feedbackForm").GetProperty("prompt").GetString());
        Assert.Equal(0, _app.Subscribers(FeedbackSubmitted.Topic));
    }

    [Fact]
    public async Task Readiness_SaysRedisIsDegraded_ButTheInstanceMayServe()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.Equal(200, (int)response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", report.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    /// <summary>A loopback port that was free a moment ago, so nothing answers on it.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
