using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Tests.Conventions;

[Collection(NewsroomGroup.Name)]
public sealed class SortingTests(NewsroomFixture newsroom)
{
    public static TheoryData<string, Func<IEnumerable<Article>, IEnumerable<Article>>> Orders => new()
    {
        { "{ headline: ASC }", a => a.OrderBy(x => x.Headline, StringComparer.Ordinal).ThenBy(x => x.Id) },
        { "{ headline: DESC }", a => a.OrderByDescending(x => x.Headline, StringComparer.Ordinal).ThenByDescending(x => x.Id) },
        { "{ publishedAt: ASC }", a => a.OrderBy(x => x.PublishedAt).ThenBy(x => x.Id) },
        { "[{ section: { name: ASC } }, { publishedAt: DESC }]", a => a.OrderBy(x => x.Section.Name, StringComparer.Ordinal).ThenByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id) },
        // Several fields of one element apply in the sort type's field order (headline before version);
        // list elements give the order explicitly.
        { "{ version: DESC, headline: ASC }", a => a.OrderBy(x => x.Headline, StringComparer.Ordinal).ThenByDescending(x => x.Version).ThenByDescending(x => x.Id) },
        { "[{ version: DESC }, { headline: ASC }]", a => a.OrderByDescending(x => x.Version).ThenBy(x => x.Headline, StringComparer.Ordinal).ThenBy(x => x.Id) },
        { "[{ isUrgent: DESC }, { id: ASC }]", a => a.OrderByDescending(x => x.IsUrgent).ThenBy(x => x.Id) },
        { "{ revisionLabel: ASC }", a => a.OrderBy(x => x.RevisionLabel, StringComparer.Ordinal).ThenBy(x => x.Id) },
        { "{ genre: DESC }", a => a.OrderByDescending(x => x.Genre, StringComparer.Ordinal).ThenByDescending(x => x.Id) },
        { "{ status: ASC }", a => a.OrderBy(x => x.Status).ThenBy(x => x.Id) },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Order_SortsInSqlAndEndsWithTheUniqueKey(string order, Func<IEnumerable<Article>, IEnumerable<Article>> expected)
    {
        newsroom.App.Sql.Reset();

        var slugs = await newsroom.SlugsAsync($"order: {order}");

        Assert.Equal(expected(newsroom.Published).Take(50).Select(a => a.Slug), slugs);
        Assert.Contains(newsroom.App.Sql.Commands, c => c.Contains("ORDER BY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Order_UnknownDirection_IsAValidationError()
    {
        var response = await newsroom.App.PostAsync("{ articles(order: { publishedAt: DOWN }) { nodes { slug } } }");

        Assert.Equal(400, response.Status);
        Assert.NotNull(response.FirstCode());
    }

    [Fact]
    public async Task Order_OnANestedList_AppliesPerParent()
    {
        var data = await newsroom.DataAsync("{ articles(first: 50) { nodes { slug images(order: { caption: DESC }) { caption } } } }");

        foreach (var node in data.GetProperty("articles").GetProperty("nodes").EnumerateArray())
        {
            var article = newsroom.Published.Single(a => a.Slug == node.GetProperty("slug").GetString());
            Assert.Equal(article.Images.Select(i => i.Image.Caption).OrderByDescending(c => c, StringComparer.Ordinal),
                node.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("caption").GetString()));
        }
    }
}
