using System.Text.Json;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Images;

public sealed class ImageMutationsTests : IDisposable
{
    private const string Fields = "image { id caption credit rightsNote isNotForSale } errors { __typename ... on Error { message } ... on InvalidInputError { field } CONFLICT }";
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<JsonElement> MutateAsync(string mutation, object input)
    {
        var type = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        // The schema does not show an image's version; updates name it all the same (it starts at 1).
        var fields = Fields.Replace("CONFLICT", mutation == "createImage" ? "" : "... on VersionConflictError { expectedVersion currentVersion }", StringComparison.Ordinal);
        var response = await _app.PostAsync($"mutation($input: {type}!) {{ {mutation}(input: $input) {{ {fields} }} }}", new { input }, token: _app.TokenFor("editor"));
        Assert.True(response.Errors.Count == 0, response.Text);
        return response.Data.GetProperty(mutation);
    }

    private async Task<(string Id, int Version)> CreateAsync()
    {
        var created = (await MutateAsync("createImage", new { caption = "  Harvest in Pyongyang  ", credit = "Yonhap", rightsNote = "PHOTO NOT FOR SALE" })).GetProperty("image");
        return (created.GetProperty("id").GetString()!, await VersionAsync(created.GetProperty("id").GetString()!));
    }

    private async Task<int> VersionAsync(string id)
    {
        await using var db = await _app.CreateDbContextAsync();
        var key = GlobalId.TryParseInt(id, "Image", out var parsed) ? parsed.Value : 0;
        return db.Images.Single(i => i.Id == key).Version;
    }

    [Fact]
    public async Task UpdateImage_AFieldLeftOutKeepsItsValue_AndOneSetToNullIsCleared()
    {
        var (id, version) = await CreateAsync();

        var updated = (await MutateAsync("updateImage", new Dictionary<string, object?> { ["id"] = id, ["version"] = version, ["credit"] = null })).GetProperty("image");

        Assert.Equal("Harvest in Pyongyang", updated.GetProperty("caption").GetString());
        Assert.Equal("PHOTO NOT FOR SALE", updated.GetProperty("rightsNote").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("credit").ValueKind);
        Assert.Equal(version + 1, await VersionAsync(id));
    }

    [Fact]
    public async Task UpdateImage_ThatChangesNothing_KeepsTheVersion()
    {
        var (id, version) = await CreateAsync();

        var updated = await MutateAsync("updateImage", new { id, version, credit = "Yonhap" });

        Assert.Equal(JsonValueKind.Null, updated.GetProperty("errors").ValueKind);
        Assert.Equal(version, await VersionAsync(id));
    }

    [Fact]
    public async Task UpdateImage_OnAStaleVersion_IsAConflictAndChangesNothing()
    {
        var (id, version) = await CreateAsync();
        await MutateAsync("updateImage", new { id, version, caption = "First" });

        var stale = await MutateAsync("updateImage", new { id, version, caption = "Second" });

        var error = Assert.Single(stale.GetProperty("errors").EnumerateArray());
        Assert.Equal("VersionConflictError", error.GetProperty("__typename").GetString());
        Assert.Equal((version, version + 1), (error.GetProperty("expectedVersion").GetInt32(), error.GetProperty("currentVersion").GetInt32()));
        Assert.Equal(JsonValueKind.Null, stale.GetProperty("image").ValueKind);
    }

    [Fact]
    public async Task UpdateImage_OfAnUnknownImage_IsNotFound()
    {
        var updated = await MutateAsync("updateImage", new { id = GlobalId.Format("Image", 9999), version = 1, caption = "x" });

        var error = Assert.Single(updated.GetProperty("errors").EnumerateArray());
        Assert.Equal("NotFoundError", error.GetProperty("__typename").GetString());
        Assert.Contains(GlobalId.Format("Image", 9999), error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("caption", "")]
    [InlineData("url", "not a url")]
    [InlineData("credit", "a credit of more than two hundred characters ......................................................................................................................................................................")]
    public async Task CreateImage_WithAFieldItCannotUse_ReportsTheField(string field, string value)
    {
        var input = new Dictionary<string, object?> { ["caption"] = "A photo", [field] = value };

        var created = await MutateAsync("createImage", input);

        var error = Assert.Single(created.GetProperty("errors").EnumerateArray());
        Assert.Equal(("InvalidInputError", field), (error.GetProperty("__typename").GetString(), error.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Images_AreNewestFirst()
    {
        var (first, _) = await CreateAsync();
        var (second, _) = await CreateAsync();

        var response = await _app.PostAsync("{ images(first: 2) { nodes { id } } }");

        Assert.Equal([second, first], response.Data.GetProperty("images").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }
}
