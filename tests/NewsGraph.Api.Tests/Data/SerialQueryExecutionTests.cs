using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Data;

/// <summary>
/// One field at a time, DataLoaders still batching; with <c>GraphQL:StartBatchesTogether</c> (the default on
/// PostgreSQL) a level's batches are started together, in as many statements as before.
/// </summary>
public sealed class SerialQueryExecutionTests
{
    private const string Query = """
        { articles(first: 20) { nodes { headline section { name } authors { name } images { caption } quotes { speaker { name } } } } }
        """;

    [Fact]
    public async Task FieldsRunOneAfterAnother_AndEachListIsStillOneStatement()
    {
        using var app = await AppAsync(startBatchesTogether: false);

        var response = await app.PostAsync(Query);

        Assert.Empty(response.Errors);
        Assert.Equal(20, response.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength());
        Assert.Equal(1, app.Sql.MaxOpen);
        // The page, authors, images, quotes with their speakers: one statement each for 20 stories.
        Assert.Equal(4, app.Sql.Commands.Count);
    }

    [Fact]
    public async Task BatchesStartedTogether_RunInTheSameStatements()
    {
        using var app = await AppAsync(startBatchesTogether: true);

        var response = await app.PostAsync(Query);

        Assert.Empty(response.Errors);
        Assert.Equal(20, response.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength());
        // Authors, images and quotes are one level: at most three connections at once. Whether they overlap
        // is timing (SQLite's commands complete before they return); that they start together is
        // PendingBatchesTests' to show.
        Assert.InRange(app.Sql.MaxOpen, 1, 3);
        Assert.Equal(4, app.Sql.Commands.Count);
    }

    private static async Task<NewsGraphApplication> AppAsync(bool startBatchesTogether)
    {
        var app = new NewsGraphApplication { LiftCostLimits = true };
        app.Settings["GraphQL:StartBatchesTogether"] = startBatchesTogether ? "true" : "false";
        await TestContent.AddStoriesAsync(app, 20);
        await app.PostAsync(Query); // loads the sections into memory
        app.Sql.Reset();
        return app;
    }
}
