using Microsoft.Extensions.Logging;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Telemetry;

public sealed class LoggingTests
{
    [Fact]
    public async Task FeedbackSubmissions_NeverPutTheReadersEmailOrMessageInALogLine()
    {
        var logs = new CapturingLoggerProvider();
        using var app = new NewsGraphApplication { ExtraLogging = logging => logging.AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace) };
        app.Settings["Feedback:RateLimitPermits"] = "2";
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        var message = $"Private words {Guid.NewGuid():N}";
        const string submit = "mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedback { id } errors { __typename } } }";

        var accepted = await app.PostAsync(submit, new { input = new { message, contactEmail = email, rating = 4 } });
        var invalid = await app.PostAsync(submit, new { input = new { message, contactEmail = email, rating = 9 } });
        var limited = await app.PostAsync(submit, new { input = new { message, contactEmail = email } });
        var malformed = await app.PostAsync("mutation { submitFeedback(input: { message: \"" + message + "\", contactEmail: \"" + email + "\", rating: \"x\" }) { thankYouMessage } }");

        Assert.True(accepted.Data.GetProperty("submitFeedback").GetProperty("feedback").TryGetProperty("id", out _), accepted.Text);
        Assert.Equal("InvalidInputError", invalid.Data.GetProperty("submitFeedback").GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal("RateLimitedError", limited.Data.GetProperty("submitFeedback").GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.NotEmpty(malformed.Errors);
        // The log saw the requests (it is not simply empty) and nothing of what the reader wrote.
        Assert.Contains(logs.Lines, line => line.Contains("/graphql", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LogEntriesOfARequest_CarryItsTraceAndSpanIds()
    {
        var logs = new CapturingLoggerProvider();
        using var app = new NewsGraphApplication { ExtraLogging = logging => logging.AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Information) };

        await app.PostAsync("{ feedbackForm { prompt } }");

        Assert.Contains(logs.Lines, line => line.Contains("/graphql", StringComparison.Ordinal)
                                            && line.Contains("TraceId=", StringComparison.Ordinal) && line.Contains("SpanId=", StringComparison.Ordinal));
    }
}
