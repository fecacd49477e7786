using System.Text.Json;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.People;

/// <summary>Editing people purges the pages that show them; merging also purges every list of stories (their bylines moved).</summary>
public sealed class PersonPurgeTests : IAsyncLifetime
{
    private PurgeWatch _watch = null!;

    public async Task InitializeAsync() => _watch = await PurgeWatch.StartAsync();

    public async Task DisposeAsync() => await _watch.DisposeAsync();

    [Fact]
    public async Task CreatingUpdatingAndMergingPeople_PurgeThem()
    {
        string kept = "", duplicate = "";
        var created = await _watch.PurgedByAsync(async () =>
        {
            kept = await CreateAsync("Kim Min-ji");
            duplicate = await CreateAsync("Kim Minji");
        });
        var updated = await _watch.PurgedByAsync(() => MutateAsync("updatePerson", new { id = kept, version = 1, title = "Finance Minister" }));
        var unchanged = await _watch.PurgedByAsync(() => MutateAsync("updatePerson", new { id = kept, version = 2, title = "Finance Minister" }));
        var merged = await _watch.PurgedByAsync(() => MutateAsync("mergePeople", new { id = kept, version = 2, mergeIds = new[] { duplicate } }, role: "admin"));

        Assert.Equal(["people"], created);
        Assert.Equal(["people", Key(kept)], updated);
        Assert.Empty(unchanged);
        Assert.Equal(new[] { "articles", Key(duplicate), Key(kept), "people" }.Order(StringComparer.Ordinal), merged);
    }

    private static string Key(string id) => GlobalId.TryParseInt(id, "Person", out var number) ? $"person:{number}" : throw new ArgumentException(id);

    private async Task<string> CreateAsync(string name)
    {
        var response = await _watch.App.PostAsync("mutation($name: String!) { createPerson(input: { name: $name }) { person { id } } }",
            new { name }, token: _watch.App.TokenFor("editor"));
        return response.Data.GetProperty("createPerson").GetProperty("person").GetProperty("id").GetString()!;
    }

    private async Task MutateAsync(string mutation, object input, string role = "editor")
    {
        var response = await _watch.App.PostAsync(
            $"mutation($input: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $input) {{ person {{ id }} errors {{ __typename }} }} }}",
            new { input }, token: _watch.App.TokenFor(role));
        Assert.True(response.Errors.Count == 0, response.Text);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty(mutation).GetProperty("errors").ValueKind);
    }
}
