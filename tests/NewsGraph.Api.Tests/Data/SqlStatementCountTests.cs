using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Data;

public sealed class SqlStatementCountTests : IAsyncLifetime, IDisposable
{
    private const string FrontPage = """
        query($first: Int) {
          articles(first: $first) {
            nodes {
              headline
              authors { name }
              images { caption }
              quotes { text speaker { name } }
            }
          }
        }
        """;

    private readonly NewsGraphApplication _app = new();

    public async Task InitializeAsync() => await TestContent.AddStoriesAsync(_app, 60);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task NestedLists_CostTheSameNumberOfStatementsForFiveAndFiftyArticles()
    {
        var five = await CountAsync(5);
        var fifty = await CountAsync(50);

        // articles, bylines with their people, images, quotes, speakers
        Assert.Equal(5, five);
        Assert.Equal(five, fifty);
    }

    private async Task<int> CountAsync(int first)
    {
        _app.Sql.Reset();
        var response = await _app.PostAsync(FrontPage, new { first });
        Assert.Empty(response.Errors);
        var articles = response.Data.GetProperty("articles").GetProperty("nodes");
        Assert.Equal(first, articles.GetArrayLength());
        Assert.All(articles.EnumerateArray(), a =>
        {
            Assert.Equal(2, a.GetProperty("authors").GetArrayLength());
            Assert.Equal(2, a.GetProperty("images").GetArrayLength());
            Assert.All(a.GetProperty("quotes").EnumerateArray(), q => Assert.NotNull(q.GetProperty("speaker").GetProperty("name").GetString()));
        });
        return _app.Sql.Count;
    }
}
