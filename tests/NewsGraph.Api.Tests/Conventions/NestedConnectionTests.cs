using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Tests.Conventions;

[Collection(NewsroomGroup.Name)]
public sealed class NestedConnectionTests(NewsroomFixture newsroom)
{
    private const string PeopleWithArticles = """
        query($names: [String]) {
          people(first: 50, where: { name: { in: $names } }, order: { name: ASC }) {
            nodes {
              name
              articles(first: 3, where: { section: { slug: { neq: "politics" } } }, order: { headline: ASC }) {
                totalCount
                pageInfo { hasNextPage endCursor }
                nodes { slug headline }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task PersonArticles_AreFilteredSortedAndPagedPerPerson()
    {
        string[] names = ["Kim Ji-won", "Lee Min-ho", "Yoon Sang-hoon", "Moon Jae-in"];

        var data = await newsroom.DataAsync(PeopleWithArticles, new { names });

        foreach (var person in data.GetProperty("people").GetProperty("nodes").EnumerateArray())
        {
            var name = person.GetProperty("name").GetString();
            var expected = newsroom.Published
                .Where(a => a.Bylines.Any(b => b.Person.Name == name) && a.Section.Slug != "politics")
                .OrderBy(a => a.Headline, StringComparer.Ordinal).ThenBy(a => a.Id).ToList();
            var articles = person.GetProperty("articles");
            Assert.Equal(expected.Count, articles.GetProperty("totalCount").GetInt32());
            Assert.Equal(expected.Take(3).Select(a => a.Slug), NewsroomFixture.Slugs(articles.GetProperty("nodes")));
            Assert.Equal(expected.Count > 3, articles.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        }
    }

    [Fact]
    public async Task TheSameNestedField_InSeveralPlacesOfOneDocument_AnswersEachPlaceForItsOwnArguments()
    {
        string[] names = ["Kim Ji-won", "Lee Min-ho", "Yoon Sang-hoon"];

        var data = await newsroom.DataAsync("""
            query($names: [String]) {
              people(first: 50, where: { name: { in: $names } }, order: { name: ASC }) {
                nodes {
                  name
                  byHeadline: articles(first: 2, order: { headline: ASC }) { nodes { slug } }
                  byHeadlineDesc: articles(first: 1, order: { headline: DESC }) { totalCount nodes { slug } }
                  ...Latest
                }
              }
            }
            fragment Latest on Person { byHeadline: articles(first: 2, order: { headline: ASC }) { nodes { headline } } }
            """, new { names });

        foreach (var person in data.GetProperty("people").GetProperty("nodes").EnumerateArray())
        {
            var name = person.GetProperty("name").GetString();
            var theirs = newsroom.Published.Where(a => a.Bylines.Any(b => b.Person.Name == name)).ToList();
            var ascending = theirs.OrderBy(a => a.Headline, StringComparer.Ordinal).ThenBy(a => a.Id).ToList();
            var descending = theirs.OrderByDescending(a => a.Headline, StringComparer.Ordinal).ThenByDescending(a => a.Id).ToList();
            var byHeadline = person.GetProperty("byHeadline").GetProperty("nodes");
            Assert.Equal(ascending.Take(2).Select(a => a.Slug), NewsroomFixture.Slugs(byHeadline));
            // The fragment's selection merged into the same field: both members came back.
            Assert.Equal(ascending.Take(2).Select(a => a.Headline), byHeadline.EnumerateArray().Select(n => n.GetProperty("headline").GetString()));
            var byHeadlineDesc = person.GetProperty("byHeadlineDesc");
            Assert.Equal(descending.Take(1).Select(a => a.Slug), NewsroomFixture.Slugs(byHeadlineDesc.GetProperty("nodes")));
            Assert.Equal(theirs.Count, byHeadlineDesc.GetProperty("totalCount").GetInt32());
        }
    }

    [Fact]
    public async Task PersonArticles_CostTheSameStatementsForTwoPeopleOrSix()
    {
        newsroom.App.Sql.Reset();
        await newsroom.DataAsync(PeopleWithArticles, new { names = new[] { "Kim Ji-won", "Lee Min-ho" } });
        var two = newsroom.App.Sql.Count;

        newsroom.App.Sql.Reset();
        await newsroom.DataAsync(PeopleWithArticles, new { names = new[] { "Kim Ji-won", "Lee Min-ho", "Park Soo-jin", "Choi Hyun-woo", "Jung Da-eun", "Kang Tae-hoon" } });
        var six = newsroom.App.Sql.Count;

        // people, their articles (one windowed statement), the counts
        Assert.Equal(3, two);
        Assert.Equal(two, six);
    }

    [Fact]
    public async Task PersonArticles_WhosePagesHoldEveryStory_AreCountedFromThePages()
    {
        string[] names = ["Kim Ji-won", "Lee Min-ho", "Yoon Sang-hoon", "Moon Jae-in"];
        newsroom.App.Sql.Reset();

        var data = await newsroom.DataAsync(PeopleWithArticles.Replace("articles(first: 3,", "articles(first: 50,", StringComparison.Ordinal), new { names });

        // people, their articles; no count statement, since no person has more stories than a page
        Assert.Equal(2, newsroom.App.Sql.Count);
        Assert.DoesNotContain(newsroom.App.Sql.Commands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        foreach (var person in data.GetProperty("people").GetProperty("nodes").EnumerateArray())
        {
            var name = person.GetProperty("name").GetString();
            var expected = newsroom.Published.Count(a => a.Bylines.Any(b => b.Person.Name == name) && a.Section.Slug != "politics");
            var articles = person.GetProperty("articles");
            Assert.Equal(expected, articles.GetProperty("totalCount").GetInt32());
            Assert.Equal(expected, articles.GetProperty("nodes").GetArrayLength());
        }
    }

    [Fact]
    public async Task PersonArticles_NextPageFromACursor()
    {
        var first = await newsroom.DataAsync("""
            { people(where: { name: { eq: "Kim Ji-won" } }) { nodes { articles(first: 4) { pageInfo { endCursor } nodes { slug } } } } }
            """);
        var cursor = first.GetProperty("people").GetProperty("nodes")[0].GetProperty("articles").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var next = await newsroom.DataAsync("""
            query($after: String) { people(where: { name: { eq: "Kim Ji-won" } }) { nodes { articles(first: 4, after: $after) { nodes { slug } } } } }
            """, new { after = cursor });

        var expected = NewsroomFixture.Newest(newsroom.Published.Where(a => a.Bylines.Any(b => b.Person.Name == "Kim Ji-won")));
        Assert.Equal(expected.Skip(4).Take(4), NewsroomFixture.Slugs(next.GetProperty("people").GetProperty("nodes")[0].GetProperty("articles").GetProperty("nodes")));
    }

    [Fact]
    public async Task ArticleLists_OfFiftyArticles_CostOneStatementEach()
    {
        newsroom.App.Sql.Reset();

        await newsroom.DataAsync("""
            { articles(first: 50) { nodes { authors(order: { name: ASC }) { name } images(where: { credit: { eq: "Yonhap" } }) { caption } quotes { speaker { name } } } } }
            """);

        // articles, authors, images, quotes with their speakers
        Assert.Equal(4, newsroom.App.Sql.Count);
    }

    [Fact]
    public async Task DraftArticles_NeverAppearUnderAPerson()
    {
        var drafts = newsroom.Articles.Where(a => a.Status == ArticleStatus.Draft).Select(a => a.Slug).ToHashSet();

        var data = await newsroom.DataAsync("{ people(first: 50) { nodes { articles(first: 50) { nodes { slug } } } } }");

        var shown = data.GetProperty("people").GetProperty("nodes").EnumerateArray()
            .SelectMany(p => NewsroomFixture.Slugs(p.GetProperty("articles").GetProperty("nodes")));
        Assert.DoesNotContain(shown, drafts.Contains);
    }
}
