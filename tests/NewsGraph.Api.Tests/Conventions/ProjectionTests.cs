namespace NewsGraph.Api.Tests.Conventions;

[Collection(NewsroomGroup.Name)]
public sealed class ProjectionTests(NewsroomFixture newsroom)
{
    [Fact]
    public async Task AListWithoutTheBody_DoesNotReadIt()
    {
        newsroom.App.Sql.Reset();

        await newsroom.DataAsync("{ articles { nodes { headline publishedAt } } }");

        var select = Assert.Single(newsroom.App.Sql.Commands);
        Assert.DoesNotContain("\"Paragraphs\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Slug\"", select, StringComparison.Ordinal);
        Assert.Contains("\"Headline\"", select, StringComparison.Ordinal);
        Assert.Contains("\"PublishedOffsetMinutes\"", select, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBody_IsReadWhenAskedFor()
    {
        newsroom.App.Sql.Reset();

        var data = await newsroom.DataAsync("{ articles(first: 1) { edges { node { body } } } }");

        Assert.Contains("\"Paragraphs\"", Assert.Single(newsroom.App.Sql.Commands), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(data.GetProperty("articles").GetProperty("edges")[0].GetProperty("node").GetProperty("body").GetString()));
    }

    [Fact]
    public async Task FieldsThroughFragments_AreProjectedToo()
    {
        newsroom.App.Sql.Reset();

        var data = await newsroom.DataAsync("""
            { articles(first: 3) { nodes { ...Teaser } } }
            fragment Teaser on Article { slug dateline { text } }
            """);

        var select = Assert.Single(newsroom.App.Sql.Commands);
        Assert.Contains("\"DatelinePlaces\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Headline\"", select, StringComparison.Ordinal);
        Assert.Equal(3, data.GetProperty("articles").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task NestedLists_AreProjected()
    {
        newsroom.App.Sql.Reset();

        await newsroom.DataAsync("{ articles(first: 5) { nodes { images { caption } } } }");

        var images = newsroom.App.Sql.Commands.Single(c => c.Contains("\"ArticleImages\"", StringComparison.Ordinal));
        Assert.Contains("\"Caption\"", images, StringComparison.Ordinal);
        Assert.DoesNotContain("\"RightsNote\"", images, StringComparison.Ordinal);
    }
}
