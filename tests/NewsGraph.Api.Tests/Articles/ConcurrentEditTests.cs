using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Articles;

public sealed class ConcurrentEditTests : IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TwoEditorsSavingOneVersionAtOnce_OneWinsAndTheOtherGetsTheConflict()
    {
        await using var db = await _app.CreateDbContextAsync();
        var article = await db.Articles.SingleAsync();
        var id = GlobalId.Format("Article", article.Id);
        // Every statement takes a while, so both editors have read version 1 before either writes.
        _app.Sql.Delay = TimeSpan.FromMilliseconds(50);

        var edits = await Task.WhenAll(
            UpdateAsync(id, "Headline by Alice", "alice"),
            UpdateAsync(id, "Headline by Bob", "bob"));

        _app.Sql.Delay = TimeSpan.Zero;
        var winners = edits.Where(e => e.GetProperty("errors").ValueKind == JsonValueKind.Null).ToList();
        var losers = edits.Except(winners).ToList();
        Assert.Single(winners);
        var conflict = Assert.Single(Assert.Single(losers).GetProperty("errors").EnumerateArray());
        Assert.Equal("VersionConflictError", conflict.GetProperty("__typename").GetString());

        await using var check = await _app.CreateDbContextAsync();
        var saved = await check.Articles.SingleAsync();
        Assert.Equal(winners[0].GetProperty("article").GetProperty("headline").GetString(), saved.Headline);
        Assert.Equal(2, saved.Version);
        Assert.Equal(1, await check.Revisions.CountAsync(r => r.ArticleId == saved.Id && r.Version == 2));
        Assert.Equal((1, 2), (conflict.GetProperty("expectedVersion").GetInt32(), conflict.GetProperty("currentVersion").GetInt32()));

        // The loser was told, so nothing is lost: they re-apply their change on the current version.
        var loserHeadline = saved.Headline == "Headline by Alice" ? "Headline by Bob" : "Headline by Alice";
        var retry = await UpdateAsync(id, loserHeadline, "carol", version: 2);
        Assert.Equal(JsonValueKind.Null, retry.GetProperty("errors").ValueKind);
        Assert.Equal(loserHeadline, retry.GetProperty("article").GetProperty("headline").GetString());
    }

    private async Task<JsonElement> UpdateAsync(string id, string headline, string editor, int version = 1)
    {
        var response = await _app.PostAsync(
            "mutation($id: ID!, $h: String!, $v: Int!) { updateArticle(input: { id: $id, version: $v, headline: $h }) { article { headline } errors { __typename ... on VersionConflictError { expectedVersion currentVersion } } } }",
            new { id, h = headline, v = version }, token: _app.TokenFor("editor", editor));
        Assert.True(response.Errors.Count == 0, response.Text);
        return response.Data.GetProperty("updateArticle");
    }
}
