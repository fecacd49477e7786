using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Data;

/// <summary>The default: one field at a time, DataLoaders still batching.</summary>
public sealed class SerialQueryExecutionTests : IAsyncLifetime, IDisposable
{
    private readonly NewsGraphApplication _app = new() { LiftCostLimits = true };

    public Task InitializeAsync() => TestContent.AddStoriesAsync(_app, 20);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task FieldsRunOneAfterAnother_AndEachListIsStillOneStatement()
    {
        const string query = """
            { articles(first: 20) { nodes { headline section { name } authors { name } images { caption } quotes { speaker { name } } } } }
            """;
        await _app.PostAsync(query); // loads the sections into memory
        _app.Sql.Reset();

        var response = await _app.PostAsync(query);

        Assert.Empty(response.Errors);
        Assert.Equal(20, response.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength());
        Assert.Equal(1, _app.Sql.MaxOpen);
        // The page, authors, images, quotes and the quotes' speakers: one statement each for 20 stories.
        Assert.Equal(5, _app.Sql.Commands.Count);
    }
}
