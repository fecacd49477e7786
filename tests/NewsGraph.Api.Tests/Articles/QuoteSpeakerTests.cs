using System.Text.Json;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Articles;

public sealed class QuoteSpeakerTests : IDisposable
{
    private const string SeedSlug = "us-space-commander-calls-for-deepening-security-ties-with-s-korea-in-space-field";
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<JsonElement> SeedArticleAsync()
    {
        var response = await _app.PostAsync(
            $"{{ article(slug: \"{SeedSlug}\") {{ id version quotes {{ position attribution source unattributedReason speakerTitle speaker {{ id name }} }} }} }}");
        Assert.Empty(response.Errors);
        return response.Data.GetProperty("article");
    }

    private async Task<JsonElement> SetSpeakerAsync(object input, string? role = "editor")
    {
        var response = await _app.PostAsync(
            "mutation($input: SetQuoteSpeakerInput!) { setQuoteSpeaker(input: $input) { article { version quotes { position attribution speakerTitle speaker { name } } revisions { action changes } } " +
            "errors { __typename ... on InvalidInputError { field code } ... on VersionConflictError { currentVersion } } } }",
            new { input }, token: _app.TokenFor(role));
        Assert.True(response.Errors.Count == 0, response.Text);
        return response.Data.GetProperty("setQuoteSpeaker");
    }

    [Fact]
    public async Task Quotes_OfTheSeed_SayWhichRuleFoundTheirSpeaker()
    {
        var quotes = (await SeedArticleAsync()).GetProperty("quotes").EnumerateArray().ToList();

        Assert.Equal(["SURNAME", "DESCRIPTION", "SENTENCE_SUBJECT", "DESCRIPTION", "SURNAME", "CONTINUATION"], quotes.Select(q => q.GetProperty("attribution").GetString()));
        Assert.All(quotes, q => Assert.Equal(JsonValueKind.Null, q.GetProperty("unattributedReason").ValueKind));
    }

    [Fact]
    public async Task SetQuoteSpeaker_ByAnEditor_GivesTheQuoteThePersonAsAnEditorsAttribution()
    {
        var article = await SeedArticleAsync();
        var suh = article.GetProperty("quotes")[4].GetProperty("speaker").GetProperty("id").GetString();
        var version = article.GetProperty("version").GetInt32();

        var payload = await SetSpeakerAsync(new { articleId = article.GetProperty("id").GetString(), version, position = 1, speakerId = suh });

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        var saved = payload.GetProperty("article");
        Assert.Equal(version + 1, saved.GetProperty("version").GetInt32());
        var quote = saved.GetProperty("quotes")[0];
        Assert.Equal(("Suh Wook", "Defense Minister", "EDITOR"),
            (quote.GetProperty("speaker").GetProperty("name").GetString(), quote.GetProperty("speakerTitle").GetString(), quote.GetProperty("attribution").GetString()));
        var revision = saved.GetProperty("revisions").EnumerateArray().Last();
        Assert.Equal(("quotes", "quotes"), (revision.GetProperty("action").GetString(), revision.GetProperty("changes")[0].GetString()));
    }

    [Fact]
    public async Task SetQuoteSpeaker_ToNull_LeavesTheQuoteWithoutAPerson()
    {
        var article = await SeedArticleAsync();

        var payload = await SetSpeakerAsync(new { articleId = article.GetProperty("id").GetString(), version = article.GetProperty("version").GetInt32(), position = 3, speakerId = (string?)null });

        var quote = payload.GetProperty("article").GetProperty("quotes")[2];
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("speaker").ValueKind);
        Assert.Equal("EDITOR", quote.GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task SetQuoteSpeaker_AtAPositionWithoutAQuote_IsATypedErrorAndChangesNothing()
    {
        var article = await SeedArticleAsync();
        var version = article.GetProperty("version").GetInt32();

        var payload = await SetSpeakerAsync(new { articleId = article.GetProperty("id").GetString(), version, position = 99, speakerId = (string?)null });

        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(("position", "QUOTE_NOT_FOUND"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Equal(version, (await SeedArticleAsync()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task SetQuoteSpeaker_OnAStaleVersion_IsAVersionConflict()
    {
        var article = await SeedArticleAsync();
        var version = article.GetProperty("version").GetInt32();

        var payload = await SetSpeakerAsync(new { articleId = article.GetProperty("id").GetString(), version = version + 5, position = 1, speakerId = (string?)null });

        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(("VersionConflictError", version), (error.GetProperty("__typename").GetString(), error.GetProperty("currentVersion").GetInt32()));
    }
}
