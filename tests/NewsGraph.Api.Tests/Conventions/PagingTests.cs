using System.Text.Json;
using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Tests.Conventions;

[Collection(NewsroomGroup.Name)]
public sealed class PagingTests(NewsroomFixture newsroom)
{
    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String, $order: [ArticleSortInput!]) {
          articles(first: $first, after: $after, last: $last, before: $before, order: $order) {
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { slug } }
          }
        }
        """;

    public static TheoryData<string?> OrdersToWalk => new()
    {
        { (string?)null },
        { "{\"publishedAt\":\"ASC\"}" },
        { "{\"revisionLabel\":\"ASC\"}" },
        { "[{\"section\":{\"name\":\"DESC\"}},{\"headline\":\"ASC\"}]" },
        { "{\"isUrgent\":\"DESC\"}" },
        { "{\"status\":\"ASC\"}" },
    };

    [Theory]
    [MemberData(nameof(OrdersToWalk))]
    public async Task Forward_WalkingEveryPage_GivesEachItemOnceInOrder(string? order)
    {
        var expected = await AllInOrderAsync(order);
        var seen = new List<string>();
        string? after = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 20, "too many pages");
            var connection = await PageAsync(new { first = 7, after, order = Order(order) });
            seen.AddRange(connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()!));
            var info = connection.GetProperty("pageInfo");
            Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
            if (!info.GetProperty("hasNextPage").GetBoolean())
                break;
            after = info.GetProperty("endCursor").GetString();
        }
        Assert.Equal(expected, seen);
    }

    [Theory]
    [MemberData(nameof(OrdersToWalk))]
    public async Task Backward_WalkingEveryPage_GivesEachItemOnceInOrder(string? order)
    {
        var expected = await AllInOrderAsync(order);
        var seen = new List<string>();
        string? before = null;
        while (true)
        {
            var connection = await PageAsync(new { last = 6, before, order = Order(order) });
            seen.InsertRange(0, connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()!));
            var info = connection.GetProperty("pageInfo");
            Assert.Equal(before is not null, info.GetProperty("hasNextPage").GetBoolean());
            if (!info.GetProperty("hasPreviousPage").GetBoolean())
                break;
            before = info.GetProperty("startCursor").GetString();
        }
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Cursors_OfAnEdge_ContinueRightAfterIt()
    {
        var first = await PageAsync(new { first = 5 });
        var thirdCursor = first.GetProperty("edges")[2].GetProperty("cursor").GetString();

        var next = await PageAsync(new { first = 2, after = thirdCursor });

        Assert.Equal(
            first.GetProperty("edges").EnumerateArray().Skip(3).Select(e => e.GetProperty("node").GetProperty("slug").GetString()),
            next.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task DefaultPageSize_IsTen()
    {
        var data = await newsroom.DataAsync("{ articles { nodes { slug } } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published).Take(10), NewsroomFixture.Slugs(data.GetProperty("articles").GetProperty("nodes")));
    }

    [Fact]
    public async Task FirstZero_GivesNoEdgesButTellsThereAreMore()
    {
        var connection = await PageAsync(new { first = 0 });

        Assert.Equal(0, connection.GetProperty("edges").GetArrayLength());
        Assert.True(connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task TotalCount_IsCountedOnlyWhenSelected()
    {
        newsroom.App.Sql.Reset();
        await newsroom.DataAsync("{ articles(where: { isUrgent: { eq: false } }) { nodes { slug } } }");
        var withoutCount = newsroom.App.Sql.Commands.ToList();

        newsroom.App.Sql.Reset();
        var data = await newsroom.DataAsync("{ articles(where: { isUrgent: { eq: false } }) { totalCount } }");

        Assert.DoesNotContain(withoutCount, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(newsroom.App.Sql.Commands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(newsroom.Published.Count(a => !a.IsUrgent), data.GetProperty("articles").GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("{ articles(first: 1000) { nodes { slug } } }", "HC0051")]
    [InlineData("{ articles(last: 51) { nodes { slug } } }", "HC0051")]
    [InlineData("{ articles(first: -1) { nodes { slug } } }", "HC0079")]
    [InlineData("{ articles(first: 2, last: 2) { nodes { slug } } }", "HC0082")]
    [InlineData("{ articles(after: \"bm90IGEgY3Vyc29y\") { nodes { slug } } }", "HC0078")]
    [InlineData("{ articles(before: \"!!!\") { nodes { slug } } }", "HC0078")]
    [InlineData("{ articles(after: \"WyJmb3JnZWQiLDFd\") { nodes { slug } } }", "HC0078")]
    public async Task BadPagingArguments_AreFieldErrorsWithHotChocolatesCodes(string query, string code)
    {
        var response = await newsroom.App.PostAsync(query);

        Assert.Equal(200, response.Status);
        Assert.Equal([code], response.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("articles").ValueKind);
    }

    [Fact]
    public async Task Cursor_FromAnotherOrder_IsRefused()
    {
        var byHeadline = await PageAsync(new { first = 1, order = Order("{\"headline\":\"ASC\"}") });
        var cursor = byHeadline.GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var response = await newsroom.App.PostAsync(Page, new { first = 1, after = cursor });

        Assert.Equal(["HC0078"], response.ErrorCodes);
    }

    [Fact]
    public async Task DeepPage_IsARangeQueryNotAnOffset()
    {
        var first = await PageAsync(new { first = 40 });
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        newsroom.App.Sql.Reset();

        await PageAsync(new { first = 5, after = cursor });

        var select = Assert.Single(newsroom.App.Sql.Commands);
        Assert.DoesNotContain("OFFSET", select, StringComparison.OrdinalIgnoreCase);
        // SQLite quotes the alias ("a"."PublishedAt"), PostgreSQL does not (a."PublishedAt").
        Assert.Matches("\"?a\"?\\.\"PublishedAt\" <", select);
    }

    private async Task<List<string>> AllInOrderAsync(string? order)
    {
        var connection = await PageAsync(new { first = 50, order = Order(order) });
        var all = connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()!).ToList();
        Assert.Equal(newsroom.Published.Count, all.Count);
        return all;
    }

    private async Task<JsonElement> PageAsync(object variables)
        => (await newsroom.DataAsync(Page, variables)).GetProperty("articles");

    private static JsonElement? Order(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
}
