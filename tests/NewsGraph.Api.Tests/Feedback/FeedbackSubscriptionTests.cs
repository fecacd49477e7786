using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Feedback;

public sealed class FeedbackSubscriptionTests : IDisposable
{
    private const string Subscription = "subscription { feedbackSubmitted { message rating article { slug } } }";
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnEditor_HearsFeedbackTheMomentItIsStored()
    {
        await using var socket = await _app.ConnectAsync();
        await socket.InitAsync(new { Authorization = "Bearer " + _app.TokenFor("editor", "alice") });
        await socket.SubscribeAsync("inbox", Subscription);
        await _app.WaitForSubscribersAsync(FeedbackSubmitted.Topic, 1);

        var submitted = await _app.PostAsync("mutation { submitFeedback(input: { message: \"Love the space coverage\", rating: 5 }) { thankYouMessage } }");
        var next = await socket.ReceiveUntilAsync("inbox", "next");

        Assert.Equal("Thanks for your feedback!", submitted.Data.GetProperty("submitFeedback").GetProperty("thankYouMessage").GetString());
        var feedback = next.GetProperty("payload").GetProperty("data").GetProperty("feedbackSubmitted");
        Assert.Equal(("Love the space coverage", 5), (feedback.GetProperty("message").GetString(), feedback.GetProperty("rating").GetInt32()));
    }

    [Theory]
    [InlineData(null, "AUTH_NOT_AUTHENTICATED")]
    [InlineData("reader", "AUTH_NOT_AUTHORIZED")]
    public async Task AnyoneElse_IsRefused_AndTheSocketStaysUsable(string? role, string code)
    {
        await using var socket = await _app.ConnectAsync();
        await socket.InitAsync(role is null ? null : new { authToken = _app.TokenFor(role) });

        await socket.SubscribeAsync("inbox", Subscription);
        var error = await socket.ReceiveUntilAsync("inbox", "error");
        await socket.SubscribeAsync("q", "{ feedbackForm { prompt } }");

        Assert.Equal(code, error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("How can we improve?", (await socket.ReceiveUntilAsync("q", "next")).GetProperty("payload").GetProperty("data")
            .GetProperty("feedbackForm").GetProperty("prompt").GetString());
        Assert.Equal(0, _app.Subscribers(FeedbackSubmitted.Topic));
    }

    [Fact]
    public async Task AnEditorsExpiringToken_EndsTheSubscriptionWithAClearError()
    {
        await using var socket = await _app.ConnectAsync();
        await socket.InitAsync(new { Authorization = "Bearer " + _app.TokenFor("editor", "alice", TimeSpan.FromSeconds(2)) });
        await socket.SubscribeAsync("inbox", Subscription);
        await _app.WaitForSubscribersAsync(FeedbackSubmitted.Topic, 1);

        var ended = await socket.ReceiveUntilAsync("inbox", "error", TimeSpan.FromSeconds(10));
        await _app.WaitForSubscribersAsync(FeedbackSubmitted.Topic, 0);

        var error = ended.GetProperty("payload")[0];
        Assert.Equal("AUTH_NOT_AUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("expired", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedToken_IsRefusedAtConnectionInit()
    {
        await using var socket = await _app.ConnectAsync();

        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer not.a.jwt" } });

        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }
}
