using NewsGraph.Api.Articles;
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

    private readonly NewsGraphApplication _app = new() { LiftCostLimits = true };

    public async Task InitializeAsync() => await TestContent.AddStoriesAsync(_app, 60);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task NestedLists_CostTheSameNumberOfStatementsForFiveAndFiftyArticles()
    {
        var five = await CountAsync(5);
        var fifty = await CountAsync(50);

        // articles, bylines with their people, images, quotes with their speakers
        Assert.Equal(4, five);
        Assert.Equal(five, fifty);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public async Task TheBenchmarkFrontPage_TakesThreeStatements_AtAnyPageSize(int first)
    {
        var query = BenchmarkQuery("ng-a-front-page.json").Replace("first: 20", $"first: {first}", StringComparison.Ordinal);
        await _app.PostAsync(query, new { section = "business" });

        _app.Sql.Reset();
        var response = await _app.PostAsync(query, new { section = "business" });

        Assert.Empty(response.Errors);
        var nodes = response.Data.GetProperty("articles").GetProperty("nodes");
        Assert.Equal(first, nodes.GetArrayLength());
        Assert.All(nodes.EnumerateArray(), a => Assert.StartsWith("Photo 1 of", a.GetProperty("leadImage").GetProperty("caption").GetString(), StringComparison.Ordinal));
        // articles with their section filter, authors, lead images (sections come from memory)
        Assert.Equal(3, _app.Sql.Count);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public async Task TheBenchmarkSearch_TakesTheSameStatements_AtAnyPageSize(int first)
    {
        var query = BenchmarkQuery(Path.Combine("..", "search", "search.json")).Replace("first: 10", $"first: {first}", StringComparison.Ordinal);
        await _app.PostAsync(query, new { q = "story" });

        _app.Sql.Reset();
        var response = await _app.PostAsync(query, new { q = "paragraph story" });

        Assert.Empty(response.Errors);
        Assert.Equal(60, response.Data.GetProperty("search").GetProperty("totalCount").GetInt32());
        Assert.Equal(first, response.Data.GetProperty("search").GetProperty("edges").GetArrayLength());
        // the count; a statement per tier of the headline index until the page is full (the words as a
        // phrase: none; both words: none; one of them: every story); the stories; their highlights
        Assert.Equal(6, _app.Sql.Count);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public async Task TheBenchmarkArticlePage_TakesFiveStatements_HoweverManyMoreStories(int more)
    {
        var query = BenchmarkQuery("ng-b-article-page.json").Replace("moreFromSection(first: 5)", $"moreFromSection(first: {more})", StringComparison.Ordinal);
        await _app.PostAsync(query, new { slug = "test-story-29" }); // the first request of the process loads the sections

        _app.Sql.Reset();
        var response = await _app.PostAsync(query, new { slug = "test-story-30" });

        Assert.Empty(response.Errors);
        var article = response.Data.GetProperty("article");
        Assert.Equal(more, article.GetProperty("moreFromSection").GetArrayLength());
        Assert.DoesNotContain(article.GetProperty("moreFromSection").EnumerateArray(), a => a.GetProperty("slug").GetString() == "test-story-30");
        Assert.Equal("test-story-60", article.GetProperty("moreFromSection")[0].GetProperty("slug").GetString());
        Assert.Equal(["Official 3", "Official 1"], article.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("speaker").GetProperty("name").GetString()));
        // the article, authors, images, quotes with their speakers, the other stories of the section
        Assert.Equal(5, _app.Sql.Count);
    }

    [Fact]
    public async Task Quotes_JoinTheirSpeakers_OnlyWhenTheSelectionAsksForThem()
    {
        await using (var db = await _app.CreateDbContextAsync())
        {
            db.Quotes.Add(new Quote { ArticleId = db.Articles.Single(a => a.Slug == "test-story-31").Id, Text = "Unattributed words.", Position = 3 });
            await db.SaveChangesAsync();
        }
        await _app.PostAsync("""{ article(slug: "test-story-29") { headline } }""");

        _app.Sql.Reset();
        var plain = await _app.PostAsync("""{ article(slug: "test-story-31") { quotes { text } } }""");
        Assert.Empty(plain.Errors);
        Assert.Equal(3, plain.Data.GetProperty("article").GetProperty("quotes").GetArrayLength());
        Assert.DoesNotContain(_app.Sql.Commands, c => c.Contains("\"People\"", StringComparison.Ordinal));

        _app.Sql.Reset();
        var response = await _app.PostAsync("""{ article(slug: "test-story-31") { quotes { text speaker { id name title organization } } } }""");

        Assert.Empty(response.Errors);
        var speakers = response.Data.GetProperty("article").GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("speaker")).ToList();
        Assert.Equal(["Official 4", "Official 2"], speakers.Take(2).Select(p => p.GetProperty("name").GetString()));
        Assert.All(speakers.Take(2), p => Assert.Equal("Minister", p.GetProperty("title").GetString()));
        Assert.All(speakers.Take(2), p => Assert.StartsWith("UGVyc29u", p.GetProperty("id").GetString(), StringComparison.Ordinal)); // "Person:"
        Assert.Equal(System.Text.Json.JsonValueKind.Null, speakers[2].ValueKind);
        // the article; the quotes with their speakers in one statement
        Assert.Equal(2, _app.Sql.Count);
        Assert.Contains("\"People\"", Assert.Single(_app.Sql.Commands, c => c.Contains("\"Quotes\"", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreFromSection_ReadsOnlyTheColumnsItsSelectionShows()
    {
        await _app.PostAsync("""{ article(slug: "test-story-29") { headline } }""");

        _app.Sql.Reset();
        var response = await _app.PostAsync("""{ article(slug: "test-story-30") { moreFromSection(first: 3) { slug publishedAt } } }""");

        Assert.Empty(response.Errors);
        Assert.Equal(3, response.Data.GetProperty("article").GetProperty("moreFromSection").GetArrayLength());
        // The article itself is looked up by slug without an order; the other stories come newest first.
        var more = Assert.Single(_app.Sql.Commands, c => c.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.Contains("\"Slug\"", more, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Paragraphs\"", more, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneStory_MayAskForTwoMoreFromSectionLists_InOneStatement()
    {
        // Warms the section catalog too: the list's cache key names its section (loaded once per new section).
        await _app.PostAsync("""{ article(slug: "test-story-29") { headline moreFromSection(first: 1) { slug } } }""");

        _app.Sql.Reset();
        var response = await _app.PostAsync("""
            { article(slug: "test-story-30") { few: moreFromSection(first: 2) { slug } many: moreFromSection(first: 4) { headline body } } }
            """);

        Assert.Empty(response.Errors);
        var article = response.Data.GetProperty("article");
        Assert.Equal(["test-story-60", "test-story-59"], article.GetProperty("few").EnumerateArray().Select(a => a.GetProperty("slug").GetString()));
        Assert.Equal(4, article.GetProperty("many").GetArrayLength());
        Assert.All(article.GetProperty("many").EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.GetProperty("body").GetString())));
        // the article, then both lists together
        Assert.Equal(2, _app.Sql.Count);
    }

    [Fact]
    public async Task ConcurrentArticlePages_ShareTheirDataLoaderStatements_AndEachGetsItsOwnStory()
    {
        var query = BenchmarkQuery("ng-b-article-page.json");
        await _app.PostAsync(query, new { slug = "test-story-1" });
        _app.Sql.Reset();
        _app.Sql.Delay = TimeSpan.FromMilliseconds(100); // statements overlap, as under load

        var slugs = Enumerable.Range(20, 8).Select(i => $"test-story-{i}").ToList();
        var responses = await Task.WhenAll(slugs.Select(slug => _app.PostAsync(query, new { slug })));
        _app.Sql.Delay = TimeSpan.Zero;

        for (var i = 0; i < slugs.Count; i++)
        {
            Assert.Empty(responses[i].Errors);
            var article = responses[i].Data.GetProperty("article");
            var n = 20 + i;
            Assert.Equal(slugs[i], article.GetProperty("slug").GetString());
            Assert.Equal([$"Reporter {(n % 4) + 1}", $"Reporter {((n + 1) % 4) + 1}"], article.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
            Assert.Equal($"Photo 1 of story {n}", article.GetProperty("images")[0].GetProperty("caption").GetString());
            Assert.Equal(5, article.GetProperty("moreFromSection").GetArrayLength());
            Assert.DoesNotContain(article.GetProperty("moreFromSection").EnumerateArray(), a => a.GetProperty("slug").GetString() == slugs[i]);
        }
        // Alone, 8 pages cost 40 statements; the four DataLoader fetches of waiting pages go together.
        Assert.InRange(_app.Sql.Count, 8, 32);
    }

    [Fact]
    public async Task OneStorysLists_AndPageSizes_AreNoParametersOfTheirStatements()
    {
        // PostgreSQL plans a prepared statement once only when a list of keys or a LIMIT is not a parameter.
        var query = BenchmarkQuery("ng-b-article-page.json");
        await _app.PostAsync(query, new { slug = "test-story-29" });

        _app.Sql.Reset();
        var response = await _app.PostAsync(query, new { slug = "test-story-30" });

        Assert.Empty(response.Errors);
        Assert.Equal(5, _app.Sql.Count);
        Assert.All(_app.Sql.Commands, c => Assert.DoesNotMatch(ListOrLimitParameter, c));
        Assert.Contains(_app.Sql.Commands, c => c.Contains("LIMIT 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FrontPagesOfTwoSizes_EachGetTheirSize_WithTheSizeInTheStatement()
    {
        var query = BenchmarkQuery("ng-a-front-page.json");
        foreach (var first in new[] { 5, 7, 5 })
        {
            _app.Sql.Reset();
            var response = await _app.PostAsync(query.Replace("first: 20", $"first: {first}", StringComparison.Ordinal), new { section = "business" });

            Assert.Empty(response.Errors);
            Assert.Equal(first, response.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength());
            Assert.Contains(_app.Sql.Commands, c => c.Contains($"LIMIT {first + 1}", StringComparison.Ordinal));
            Assert.DoesNotContain(_app.Sql.Commands, c => System.Text.RegularExpressions.Regex.IsMatch(c, @"LIMIT [@$:]"));
        }
    }

    private const string ListOrLimitParameter = @"ANY \(|json_each|LIMIT [@$:]";

    [Fact]
    public async Task ConcurrentIdenticalQueries_ShareExecutions_ButNeverAcrossReadersAndEditors()
    {
        var editor = _app.TokenFor("editor");
        var created = await _app.PostAsync(
            """mutation { createArticle(input: { headline: "Unpublished draft", section: "Business", paragraphs: ["Not yet."] }) { article { id } } }""",
            token: editor);
        Assert.Empty(created.Errors);
        const string drafts = """{ articles(where: { headline: { startsWith: "Unpublished" } }) { totalCount nodes { headline } } }""";
        await _app.PostAsync(drafts);
        _app.Sql.Reset();
        _app.Sql.Delay = TimeSpan.FromMilliseconds(100); // the first execution is still running when the others arrive

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => _app.PostAsync(drafts, token: i % 2 == 0 ? null : editor)));
        _app.Sql.Delay = TimeSpan.Zero;

        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Empty(responses[i].Errors);
            // Readers never see the draft, editors always do: the two audiences never share an execution.
            Assert.Equal(i % 2 == 0 ? 0 : 1, responses[i].Data.GetProperty("articles").GetProperty("totalCount").GetInt32());
        }
        // Each on its own, 16 requests cost 16 statements (each page holds every match, so it gives the count too);
        // identical ones share executions.
        Assert.InRange(_app.Sql.Count, 2, 8);
    }

    [Fact]
    public async Task TotalCount_OfAPageThatHoldsEveryRow_TakesNoCountStatement()
    {
        const string Eleven = """headline: { startsWith: "Test story 1" }"""; // 1 and 10-19
        async Task<(int Total, bool Counted)> TotalAsync(string arguments)
        {
            _app.Sql.Reset();
            var response = await _app.PostAsync($$"""{ articles({{arguments}}) { totalCount nodes { slug } } }""");
            Assert.Empty(response.Errors);
            return (response.Data.GetProperty("articles").GetProperty("totalCount").GetInt32(),
                _app.Sql.Commands.Any(c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)));
        }

        Assert.Equal((11, false), await TotalAsync($"first: 20, where: {{ {Eleven} }}"));
        Assert.Equal((11, false), await TotalAsync($"last: 11, where: {{ {Eleven} }}"));
        Assert.Equal((0, false), await TotalAsync("""first: 10, where: { headline: { eq: "No such headline" } }"""));
        // One row more than the page: only a count knows how many.
        Assert.Equal((11, true), await TotalAsync($"first: 10, where: {{ {Eleven} }}"));
        Assert.Equal((11, true), await TotalAsync($"last: 10, where: {{ {Eleven} }}"));
        // A cursor cuts the rows the page reads, so the page cannot tell the total.
        var first = await _app.PostAsync($"{{ articles(first: 1, where: {{ {Eleven} }}) {{ pageInfo {{ endCursor }} }} }}");
        var cursor = first.Data.GetProperty("articles").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        Assert.Equal((11, true), await TotalAsync($"first: 20, after: \"{cursor}\", where: {{ {Eleven} }}"));
    }

    /// <summary>The document of one of the benchmark's operations (bench/queries), so what is measured is what is tested.</summary>
    private static string BenchmarkQuery(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "bench", "queries", file);
            if (File.Exists(path))
                return System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("query").GetString()!;
        }
        throw new FileNotFoundException(file);
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
