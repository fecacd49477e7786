using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Images;

/// <summary>A new photo purges the list of photos; an edited one, every page that shows it.</summary>
public sealed class ImagePurgeTests : IAsyncLifetime
{
    private PurgeWatch _watch = null!;

    public async Task InitializeAsync() => _watch = await PurgeWatch.StartAsync();

    public async Task DisposeAsync() => await _watch.DisposeAsync();

    [Fact]
    public async Task CreatingAndUpdatingAPhoto_PurgeIt()
    {
        var editor = _watch.App.TokenFor("editor");
        string id = "";
        var created = await _watch.PurgedByAsync(async () =>
        {
            var response = await _watch.App.PostAsync("mutation { createImage(input: { caption: \"The harbour\" }) { image { id } } }", token: editor);
            id = response.Data.GetProperty("createImage").GetProperty("image").GetProperty("id").GetString()!;
        });
        var updated = await _watch.PurgedByAsync(async () =>
        {
            var response = await _watch.App.PostAsync(
                "mutation($id: ID!) { updateImage(input: { id: $id, version: 1, credit: \"Yonhap\" }) { image { credit } errors { __typename } } }", new { id }, token: editor);
            Assert.True(response.HasData, response.Text);
            Assert.Equal("Yonhap", response.Data.GetProperty("updateImage").GetProperty("image").GetProperty("credit").GetString());
        });

        Assert.True(GlobalId.TryParseInt(id, "Image", out var number));
        Assert.Equal(["images"], created);
        Assert.Equal([$"image:{number}", "images"], updated);
    }
}
