using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Feedback;

public sealed class SubmitFeedbackTests : IDisposable
{
    private const string Submit = """
        mutation($input: SubmitFeedbackInput!) {
          submitFeedback(input: $input) {
            thankYouMessage
            feedback { id message rating contactEmail submittedBy status article { slug } }
            errors { __typename ... on Error { message } ... on InvalidInputError { field code } ... on NotFoundError { id } ... on RateLimitedError { code retryAfterSeconds } }
          }
        }
        """;

    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<string> SeedArticleIdAsync()
    {
        await using var db = await _app.CreateDbContextAsync();
        return GlobalId.Format("Article", await db.Articles.Where(a => a.Slug == NewsGraphApplication.SeedSlug).Select(a => a.Id).SingleAsync());
    }

    private static int FeedbackId(string globalId)
        => GlobalId.TryParseInt(globalId, "Feedback", out var id) ? id.Value : throw new FormatException(globalId);

    private async Task<JsonElement> SubmitAsync(object input, string? token = null)
    {
        var response = await _app.PostAsync(Submit, new { input }, token: token);
        Assert.True(response.Status == 200 && response.Errors.Count == 0, response.Text);
        return response.Data.GetProperty("submitFeedback");
    }

    [Fact]
    public async Task Feedback_IsStoredBeforeTheReaderIsThanked()
    {
        var articleId = await SeedArticleIdAsync();
        var events = _app.Services.GetRequiredService<IEventBus>().Subscribe<FeedbackSubmitted>(FeedbackSubmitted.Topic);

        var payload = await SubmitAsync(new { articleId, message = "  The space story needs a map.  ", rating = 4, contactEmail = "reader@example.org" }, _app.TokenFor("reader", "kim"));

        Assert.Equal("Thanks for your feedback!", payload.GetProperty("thankYouMessage").GetString());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        var feedback = payload.GetProperty("feedback");
        Assert.Equal(("The space story needs a map.", 4, "kim", "NEW"),
            (feedback.GetProperty("message").GetString(), feedback.GetProperty("rating").GetInt32(), feedback.GetProperty("submittedBy").GetString(), feedback.GetProperty("status").GetString()));
        Assert.Equal(NewsGraphApplication.SeedSlug, feedback.GetProperty("article").GetProperty("slug").GetString());

        // A fresh connection to the file, not the one that wrote it: the row is committed.
        await using var db = await _app.CreateDbContextAsync();
        var stored = await db.Feedback.SingleAsync(f => f.Id == FeedbackId(feedback.GetProperty("id").GetString()!));
        Assert.Equal(("The space story needs a map.", "reader@example.org"), (stored.Message, stored.ContactEmail));

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await foreach (var raised in events.ReadAllAsync(cancel.Token))
        {
            Assert.Equal(stored.Id, raised.FeedbackId);
            break;
        }
        await events.DisposeAsync();
    }

    public static TheoryData<string, string, string> InvalidInputs() => new()
    {
        { """{ "message": "   " }""", "message", "INVALID_INPUT" },
        { $$"""{ "message": "{{new string('x', 2001)}}" }""", "message", "INVALID_INPUT" },
        { """{ "message": "Fine", "rating": 0 }""", "rating", "INVALID_INPUT" },
        { """{ "message": "Fine", "rating": 6 }""", "rating", "INVALID_INPUT" },
        { """{ "message": "Fine", "contactEmail": "not an address" }""", "contactEmail", "INVALID_INPUT" },
        { """{ "message": "Fine", "contactEmail": "reader@localhost" }""", "contactEmail", "INVALID_INPUT" },
        { """{ "message": "Fine", "contactEmail": "Kim <kim@example.org>" }""", "contactEmail", "INVALID_INPUT" },
        { """{ "message": "Fine", "articleId": "not-a-global-id" }""", "articleId", "INVALID_ID" },
        { """{ "message": "Fine", "articleId": "UGVyc29uOjE=" }""", "articleId", "INVALID_ID" },
        // PostgreSQL cannot store a NUL character: the insert failed as an unexpected error there.
        { """{ "message": "Fi\u0000ne" }""", "message", "INVALID_INPUT" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task InvalidInput_IsATypedError_AndNothingIsStored(string input, string field, string code)
    {
        var payload = await SubmitAsync(JsonSerializer.Deserialize<JsonElement>(input));

        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(("InvalidInputError", field, code),
            (error.GetProperty("__typename").GetString(), error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("feedback").ValueKind);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("thankYouMessage").ValueKind);
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(0, await db.Feedback.CountAsync());
    }

    [Fact]
    public async Task AMessageAtTheLimit_AfterTrimming_IsAccepted()
    {
        var payload = await SubmitAsync(new { message = $"  {new string('x', 2000)}\n" });

        Assert.Equal(2000, payload.GetProperty("feedback").GetProperty("message").GetString()!.Length);
    }

    [Fact]
    public async Task AnUnknownArticle_IsNotFound()
    {
        var unknown = GlobalId.Format("Article", 424242);

        var payload = await SubmitAsync(new { message = "Where did it go?", articleId = unknown });

        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(("NotFoundError", unknown), (error.GetProperty("__typename").GetString(), error.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("mutation { submitFeedback(input: { rating: 5 }) { thankYouMessage } }")]
    [InlineData("mutation { submitFeedback(input: { message: 42 }) { thankYouMessage } }")]
    [InlineData("mutation { submitFeedback(input: { message: \"x\", rating: \"five\" }) { thankYouMessage } }")]
    [InlineData("mutation { submitFeedback(input: { message: \"x\", mood: \"grumpy\" }) { thankYouMessage } }")]
    public async Task MissingOrMistypedFields_AreGraphQLErrorsWithACode(string mutation)
    {
        var response = await _app.PostAsync(mutation);

        Assert.Equal(400, response.Status);
        Assert.NotEmpty(response.ErrorCodes);
        Assert.All(response.ErrorCodes, code => Assert.False(string.IsNullOrEmpty(code)));
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(0, await db.Feedback.CountAsync());
    }

    [Fact]
    public async Task TheHoneypot_ThanksTheSenderAndStoresNothing()
    {
        var payload = await SubmitAsync(new { message = "Cheap watches", website = "http://spam.example" });

        Assert.Equal("Thanks for your feedback!", payload.GetProperty("thankYouMessage").GetString());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("feedback").ValueKind);
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(0, await db.Feedback.CountAsync());
    }

    [Fact]
    public async Task BeyondTheLimit_AClientIsToldWhenToTryAgain()
    {
        var reader = _app.TokenFor("reader", "eager");
        for (var i = 0; i < 5; i++)
            Assert.Equal(JsonValueKind.Null, (await SubmitAsync(new { message = $"Note {i}" }, reader)).GetProperty("errors").ValueKind);

        var limited = await SubmitAsync(new { message = "One too many" }, reader);
        var other = await SubmitAsync(new { message = "Someone else" }, _app.TokenFor("reader", "patient"));

        var error = Assert.Single(limited.GetProperty("errors").EnumerateArray());
        Assert.Equal(("RateLimitedError", "RATE_LIMITED"), (error.GetProperty("__typename").GetString(), error.GetProperty("code").GetString()));
        Assert.InRange(error.GetProperty("retryAfterSeconds").GetInt32(), 1, 60);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task FiveHundredSubmissionsFromTenClientsAtOnce_AreEachStoredOnceOrRateLimited()
    {
        _app.Settings["Feedback:RateLimitPermits"] = "20";
        _app.Settings["Feedback:RateLimitWindow"] = "01:00:00";
        var tokens = Enumerable.Range(0, 10).Select(c => _app.TokenFor("reader", $"client-{c}")!).ToArray();
        var accepted = new ConcurrentBag<(int Client, string Message, int Id)>();
        var limited = new ConcurrentBag<(int Client, string Message)>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (n, _) =>
        {
            var (client, message) = (n % 10, $"Submission {n}");
            var payload = await SubmitAsync(new { message }, tokens[client]);
            if (payload.GetProperty("errors").ValueKind == JsonValueKind.Null)
            {
                accepted.Add((client, message, FeedbackId(payload.GetProperty("feedback").GetProperty("id").GetString()!)));
                return;
            }
            Assert.Equal("RATE_LIMITED", Assert.Single(payload.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
            limited.Add((client, message));
        });

        Assert.Equal(500, accepted.Count + limited.Count);
        Assert.All(accepted.GroupBy(a => a.Client), g => Assert.Equal(20, g.Count()));
        await using var db = await _app.CreateDbContextAsync();
        var stored = await db.Feedback.Select(f => new { f.Id, f.Message, f.SubmittedBy }).ToListAsync();
        Assert.Equal(accepted.Select(a => (a.Id, a.Message, $"client-{a.Client}")).Order(), stored.Select(s => (s.Id, s.Message, s.SubmittedBy!)).Order());
        Assert.Empty(stored.Select(s => s.Message).Intersect(limited.Select(l => l.Message)));
    }

    [Fact]
    public async Task Editors_ModerateAndDeleteFeedback()
    {
        var id = (await SubmitAsync(new { message = "Buy followers now" })).GetProperty("feedback").GetProperty("id").GetString();
        var editor = _app.TokenFor("editor");

        var spam = await _app.PostAsync("mutation($id: ID!) { moderateFeedback(input: { id: $id, status: SPAM }) { feedback { status } errors { __typename } } }", new { id }, token: editor);
        var listed = await _app.PostAsync("{ feedback(where: { status: { eq: SPAM } }) { nodes { message } } }", token: editor);
        var deleted = await _app.PostAsync("mutation($id: ID!) { deleteFeedback(input: { id: $id }) { feedback { message } errors { __typename } } }", new { id }, token: editor);
        var again = await _app.PostAsync("mutation($id: ID!) { deleteFeedback(input: { id: $id }) { feedback { message } errors { __typename } } }", new { id }, token: editor);

        Assert.Equal("SPAM", spam.Data.GetProperty("moderateFeedback").GetProperty("feedback").GetProperty("status").GetString());
        Assert.Equal("Buy followers now", Assert.Single(listed.Data.GetProperty("feedback").GetProperty("nodes").EnumerateArray()).GetProperty("message").GetString());
        Assert.Equal("Buy followers now", deleted.Data.GetProperty("deleteFeedback").GetProperty("feedback").GetProperty("message").GetString());
        Assert.Equal("NotFoundError", again.Data.GetProperty("deleteFeedback").GetProperty("errors")[0].GetProperty("__typename").GetString());
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(0, await db.Feedback.CountAsync());
    }
}
