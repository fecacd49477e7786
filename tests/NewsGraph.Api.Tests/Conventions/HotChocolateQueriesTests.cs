using System.Text.Json;
using NewsGraph.Api.Articles;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Conventions;

/// <summary>
/// Queries written the way a Hot Chocolate user writes them (front page, section pages, by author,
/// date ranges, text search, nested images and quotes, backward paging...), run unchanged.
/// </summary>
[Collection(NewsroomGroup.Name)]
public sealed class HotChocolateQueriesTests(NewsroomFixture newsroom)
{
    [Fact]
    public async Task FrontPage_LatestOfASectionWithAuthorsAndFirstImage()
    {
        var data = await newsroom.DataAsync("""
            query FrontPage($section: String!) {
              articles(first: 20, where: { section: { slug: { eq: $section } } }, order: { publishedAt: DESC }) {
                nodes { slug headline publishedAt authors { name } images { caption url } }
              }
            }
            """, new { section = "business" });

        var nodes = data.GetProperty("articles").GetProperty("nodes");
        var expected = NewsroomFixture.Newest(newsroom.Published.Where(a => a.Section.Slug == "business")).Take(20).ToList();
        Assert.Equal(expected, NewsroomFixture.Slugs(nodes));
        var firstNode = nodes[0];
        var first = newsroom.Published.Single(a => a.Slug == expected[0]);
        Assert.Equal(NewsroomFixture.Authors(first).Select(p => p.Name), firstNode.GetProperty("authors").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task SectionPage_SecondPageWithAfter()
    {
        const string query = """
            query Section($slug: String!, $after: String) {
              articles(first: 3, after: $after, where: { section: { slug: { eq: $slug } } }) {
                pageInfo { hasNextPage endCursor }
                nodes { slug }
              }
            }
            """;
        var page1 = await newsroom.DataAsync(query, new { slug = "world" });
        var page2 = await newsroom.DataAsync(query, new { slug = "world", after = page1.GetProperty("articles").GetProperty("pageInfo").GetProperty("endCursor").GetString() });

        var expected = NewsroomFixture.Newest(newsroom.Published.Where(a => a.Section.Slug == "world"));
        Assert.Equal(expected.Skip(3).Take(3), NewsroomFixture.Slugs(page2.GetProperty("articles").GetProperty("nodes")));
    }

    [Fact]
    public async Task ByAuthor_Name()
    {
        var slugs = await newsroom.SlugsAsync("where: { authors: { some: { name: { eq: \"Park Soo-jin\" } } } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => NewsroomFixture.Authors(a).Any(p => p.Name == "Park Soo-jin"))), slugs);
    }

    [Fact]
    public async Task ByAuthor_ThroughThePersonPage()
    {
        var person = newsroom.Published.SelectMany(NewsroomFixture.Authors).First(p => p.Name == "Jung Da-eun");

        var data = await newsroom.DataAsync("""
            query Author($id: ID!) { person(id: $id) { name articles(first: 5) { nodes { slug } } } }
            """, new { id = GlobalId.Format("Person", person.Id) });

        var expected = NewsroomFixture.Newest(newsroom.Published.Where(a => a.Bylines.Any(b => b.PersonId == person.Id))).Take(5);
        Assert.Equal(expected, NewsroomFixture.Slugs(data.GetProperty("person").GetProperty("articles").GetProperty("nodes")));
    }

    [Fact]
    public async Task DateRange_WithVariables()
    {
        var slugs = await newsroom.SlugsAsync("where: { publishedAt: { gte: $from, lt: $to } }",
            new { from = "2024-03-01T10:00:00+00:00", to = "2024-03-02T06:00:00+09:00" }, "($from: DateTime, $to: DateTime)");

        var from = new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2024, 3, 1, 21, 0, 0, DateTimeKind.Utc);
        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.PublishedAt >= from && a.PublishedAt < to)), slugs);
    }

    [Fact]
    public async Task TextSearch_HeadlineContains()
    {
        var slugs = await newsroom.SlugsAsync("where: { headline: { contains: \"tariff\" } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.Headline.Contains("tariff", StringComparison.Ordinal))), slugs);
    }

    [Fact]
    public async Task TextSearch_WithTotalCountNewestFirst()
    {
        var data = await newsroom.DataAsync("""
            query Search($word: String!) {
              articles(where: { headline: { contains: $word } }, order: { publishedAt: DESC }, first: 10) {
                totalCount
                nodes { slug headline section { name } publishedAt }
              }
            }
            """, new { word = "Tariff" });

        var expected = newsroom.Published.Where(a => a.Headline.Contains("Tariff", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Count, data.GetProperty("articles").GetProperty("totalCount").GetInt32());
        Assert.Equal(NewsroomFixture.Newest(expected).Take(10), NewsroomFixture.Slugs(data.GetProperty("articles").GetProperty("nodes")));
    }

    [Fact]
    public async Task TextSearch_InTheBody()
    {
        var slugs = await newsroom.SlugsAsync("where: { paragraphs: { some: { contains: \"satellites\" } } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.Paragraphs.Any(p => p.Contains("satellites", StringComparison.Ordinal)))), slugs);
    }

    [Fact]
    public async Task ArticlePage_NestedImagesAndQuotes()
    {
        var article = newsroom.Published.First(a => a.Images.Count == 3 && a.Quotes.Count == 2);

        var data = await newsroom.DataAsync("""
            query Article($slug: String!) {
              article(slug: $slug) {
                headline
                images { caption credit rightsNote isNotForSale }
                quotes { text speakerTitle speaker { name title } }
              }
            }
            """, new { slug = article.Slug });

        var node = data.GetProperty("article");
        Assert.Equal(article.Images.OrderBy(i => i.Position).Select(i => i.Image.Caption), node.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("caption").GetString()));
        Assert.Equal(article.Quotes.OrderBy(q => q.Position).Select(q => q.Speaker!.Name),
            node.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("speaker").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task BackwardPaging_LastBeforeACursor()
    {
        var all = NewsroomFixture.Newest(newsroom.Published);
        var tail = await newsroom.DataAsync("{ articles(last: 4) { pageInfo { startCursor hasPreviousPage } nodes { slug } } }");
        var start = tail.GetProperty("articles").GetProperty("pageInfo").GetProperty("startCursor").GetString();

        var before = await newsroom.DataAsync("query($before: String) { articles(last: 4, before: $before) { nodes { slug } } }", new { before = start });

        Assert.Equal(all.TakeLast(4), NewsroomFixture.Slugs(tail.GetProperty("articles").GetProperty("nodes")));
        Assert.True(tail.GetProperty("articles").GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(all.SkipLast(4).TakeLast(4), NewsroomFixture.Slugs(before.GetProperty("articles").GetProperty("nodes")));
    }

    [Fact]
    public async Task UrgentNews()
    {
        var slugs = await newsroom.SlugsAsync("where: { isUrgent: { eq: true } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.IsUrgent)), slugs);
    }

    [Fact]
    public async Task Leads_ByRevisionLabel()
    {
        var slugs = await newsroom.SlugsAsync("where: { revisionLabel: { in: [\"LEAD\", \"2nd LD\"] } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.RevisionLabel is "LEAD" or "2nd LD")), slugs);
    }

    [Fact]
    public async Task FromWashington_ByDatelinePlace()
    {
        var slugs = await newsroom.SlugsAsync("where: { dateline: { places: { some: { eq: \"WASHINGTON\" } } } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.DatelinePlaces.Contains("WASHINGTON"))), slugs);
    }

    [Fact]
    public async Task QuotingAMinister()
    {
        var slugs = await newsroom.SlugsAsync("where: { quotes: { some: { speakerTitle: { endsWith: \"Minister\" } } } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.Quotes.Any(q => q.SpeakerTitle?.EndsWith("Minister", StringComparison.Ordinal) == true))), slugs);
    }

    [Fact]
    public async Task WithoutPhotos()
    {
        var slugs = await newsroom.SlugsAsync("where: { images: { any: false } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.Images.Count == 0)), slugs);
    }

    [Fact]
    public async Task SeveralSections_NotFeatures()
    {
        var slugs = await newsroom.SlugsAsync("where: { section: { slug: { in: [\"world\", \"technology\"] } }, genre: { eq: null } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.Section.Slug is "world" or "technology" && a.Genre == null)), slugs);
    }

    [Fact]
    public async Task EitherTopic_WithOr()
    {
        var slugs = await newsroom.SlugsAsync("where: { or: [{ headline: { startsWith: \"Space\" } }, { headline: { startsWith: \"Chip\" } }] }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.Headline.StartsWith("Space", StringComparison.Ordinal) || a.Headline.StartsWith("Chip", StringComparison.Ordinal))), slugs);
    }

    [Fact]
    public async Task BySectionThenNewest()
    {
        var slugs = await newsroom.SlugsAsync("order: [{ section: { name: ASC } }, { publishedAt: DESC }]");

        Assert.Equal(newsroom.Published.OrderBy(a => a.Section.Name, StringComparer.Ordinal).ThenByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Slug), slugs);
    }

    [Fact]
    public async Task PeopleSearch_SortedByName()
    {
        var data = await newsroom.DataAsync("{ people(where: { name: { startsWith: \"K\" } }, order: { name: ASC }) { nodes { name } } }");

        var names = data.GetProperty("people").GetProperty("nodes").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        var expected = newsroom.Articles.SelectMany(a => a.Bylines.Select(b => b.Person).Concat(a.Quotes.Select(q => q.Speaker!)))
            .Select(p => p.Name).Distinct().Where(n => n.StartsWith('K')).Order(StringComparer.Ordinal);
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task PhotoDesk_FreeYonhapPhotosNewestFirst()
    {
        var data = await newsroom.DataAsync("""
            { images(first: 50, where: { isNotForSale: { eq: false }, credit: { eq: "Yonhap" } }, order: { takenOn: DESC }) { nodes { caption takenOn } } }
            """);

        var expected = newsroom.Articles.SelectMany(a => a.Images).Select(l => l.Image)
            .Where(i => !i.IsNotForSale && i.Credit == "Yonhap").OrderByDescending(i => i.TakenOn).ThenByDescending(i => i.Id).Take(50).Select(i => i.Caption);
        Assert.Equal(expected, data.GetProperty("images").GetProperty("nodes").EnumerateArray().Select(i => i.GetProperty("caption").GetString()));
    }

    [Fact]
    public async Task Refetch_ThroughNode()
    {
        var article = newsroom.Published[5];

        var data = await newsroom.DataAsync("query($id: ID!) { node(id: $id) { ... on Article { headline authors { name } } } }",
            new { id = GlobalId.Format("Article", article.Id) });

        Assert.Equal(article.Headline, data.GetProperty("node").GetProperty("headline").GetString());
    }

    [Fact]
    public async Task InfiniteScroll_EdgesAndEndCursor()
    {
        const string query = "query($after: String) { articles(first: 10, after: $after) { edges { cursor node { slug } } pageInfo { endCursor hasNextPage } } }";
        var first = (await newsroom.DataAsync(query)).GetProperty("articles");
        var second = (await newsroom.DataAsync(query, new { after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).GetProperty("articles");

        var edges = first.GetProperty("edges").EnumerateArray().Concat(second.GetProperty("edges").EnumerateArray()).ToList();
        Assert.Equal(NewsroomFixture.Newest(newsroom.Published).Take(20), edges.Select(e => e.GetProperty("node").GetProperty("slug").GetString()));
        Assert.Equal(first.GetProperty("pageInfo").GetProperty("endCursor").GetString(), first.GetProperty("edges")[9].GetProperty("cursor").GetString());
    }

    [Fact]
    public async Task NotASection_WithNot()
    {
        var slugs = await newsroom.SlugsAsync("where: { not: { section: { slug: { eq: \"business\" } } } }");

        Assert.Equal(NewsroomFixture.Newest(newsroom.Published.Where(a => a.Section.Slug != "business")), slugs);
    }

    [Fact]
    public async Task FilterAndSortNestedInOneRequest()
    {
        var data = await newsroom.DataAsync("""
            {
              articles(first: 5, where: { quotes: { any: true } }) {
                nodes { slug quotes(where: { speaker: { name: { startsWith: "K" } } }, order: { position: DESC }) { text } }
              }
            }
            """);

        foreach (var node in data.GetProperty("articles").GetProperty("nodes").EnumerateArray())
        {
            var article = newsroom.Published.Single(a => a.Slug == node.GetProperty("slug").GetString());
            Assert.NotEmpty(article.Quotes);
            Assert.Equal(article.Quotes.Where(q => q.Speaker!.Name.StartsWith('K')).OrderByDescending(q => q.Position).Select(q => q.Text),
                node.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("text").GetString()));
        }
    }
}
