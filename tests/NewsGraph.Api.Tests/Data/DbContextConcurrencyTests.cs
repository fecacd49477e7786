using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Data;

public sealed class DbContextConcurrencyTests : IAsyncLifetime, IDisposable
{
    private readonly NewsGraphApplication _app = new() { LiftCostLimits = true, Settings = { ["GraphQL:ParallelQueryExecution"] = "true" } };

    public async Task InitializeAsync()
    {
        await TestContent.AddStoriesAsync(_app, 20);
        // Every command now takes as long as a round trip to a database server would.
        _app.Sql.Delay = TimeSpan.FromMilliseconds(25);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SiblingResolvers_RunInParallelButNeverShareADbContext()
    {
        _app.Sql.Reset();

        var response = await _app.PostAsync(FiveRootFields);

        Assert.Empty(response.Errors);
        Assert.Equal(20, response.Data.GetProperty("a").GetProperty("nodes").GetArrayLength());
        Assert.True(_app.Sql.MaxOpen > 1, $"the resolvers should have overlapped; at most {_app.Sql.MaxOpen} command(s) were open at once");
        Assert.Equal(0, _app.Sql.Overlaps);
    }

    private static readonly string FiveRootFields = $$"""
            {
              a: articles(first: 20) { nodes { headline section { name } authors { name } images { caption } quotes { speaker { name } } } }
              b: people(first: 20) { nodes { name articles(first: 2) { nodes { headline } } } }
              c: images(first: 20) { nodes { caption } }
              d: sections { name }
              e: article(slug: "{{NewsGraphApplication.SeedSlug}}") { quotes { speaker { name } } bylines { person { name } } }
            }
            """;
}
