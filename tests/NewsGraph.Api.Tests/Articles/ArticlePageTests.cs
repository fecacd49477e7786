using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NewsGraph.Api.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace NewsGraph.Api.Tests.Articles;

public sealed class ArticlePageTests : IClassFixture<NewsGraphApplication>
{
    private const string ArticlePageQuery = """
        query ArticlePage($slug: String!) {
          article(slug: $slug) {
            id slug headline revisionLabel genre isUrgent status language
            section { name slug }
            publishedAt
            dateline { text places date source }
            bylines { position role person { name organization } }
            authors { name }
            paragraphs
            images { caption credit provider rightsNote isNotForSale isFilePhoto takenOn }
            quotes { position text speakerTitle speaker { name title organization } }
            feedbackForm { title prompt thankYouMessage }
          }
        }
        """;

    private readonly NewsGraphApplication _app;

    public ArticlePageTests(NewsGraphApplication app) => _app = app;

    [Fact]
    public async Task ArticlePage_SeedStory_ShowsEveryFactOfTheWirePage()
    {
        var response = await _app.PostAsync(ArticlePageQuery, new { slug = NewsGraphApplication.SeedSlug });

        Assert.Equal(200, response.Status);
        Assert.Empty(response.Errors);
        // Dates stay text: parsed, they would be shifted to the machine's time zone and lose their offset.
        Snapshot.Match(JsonConvert.DeserializeObject<JToken>(response.Text, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None }));
    }

    [Fact]
    public async Task ArticlePage_SeedStory_HasTheFactsTheIssueLists()
    {
        var response = await _app.PostAsync(ArticlePageQuery, new { slug = NewsGraphApplication.SeedSlug });
        var article = response.Data.GetProperty("article");

        Assert.Equal("All News", article.GetProperty("section").GetProperty("name").GetString());
        Assert.Equal("2020-11-23T15:52:00.000+09:00", article.GetProperty("publishedAt").GetString());
        Assert.Equal("U.S. space commander calls for deepening security ties with S. Korea in space field", article.GetProperty("headline").GetString());
        Assert.Equal("Oh Seok-min", article.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal("SEOUL", article.GetProperty("dateline").GetProperty("places")[0].GetString());
        Assert.Equal("Yonhap", article.GetProperty("dateline").GetProperty("source").GetString());

        var paragraphs = article.GetProperty("paragraphs");
        Assert.Equal(8, paragraphs.GetArrayLength());
        Assert.StartsWith("The chief of the U.S. Space Operations Command", paragraphs[0].GetString());
        Assert.StartsWith("\"Our military has made diverse efforts", paragraphs[7].GetString());
        Assert.DoesNotContain(paragraphs.EnumerateArray(), p => p.GetString()!.StartsWith("This image shows", StringComparison.Ordinal));

        var images = article.GetProperty("images");
        Assert.Equal(2, images.GetArrayLength());
        Assert.All(images.EnumerateArray(), i => Assert.Equal("Yonhap", i.GetProperty("credit").GetString()));
        Assert.False(images[0].GetProperty("isNotForSale").GetBoolean());
        Assert.True(images[1].GetProperty("isNotForSale").GetBoolean());
        Assert.True(images[1].GetProperty("isFilePhoto").GetBoolean());
        Assert.Equal("PHOTO NOT FOR SALE", images[1].GetProperty("rightsNote").GetString());
        Assert.Equal("Defense Acquisition Program Administration", images[1].GetProperty("provider").GetString());

        var quotes = article.GetProperty("quotes").EnumerateArray().ToList();
        var raymond = quotes.Where(q => q.GetProperty("speaker").GetProperty("name").GetString() == "John Raymond").ToList();
        var suh = quotes.Where(q => q.GetProperty("speaker").GetProperty("name").GetString() == "Suh Wook").ToList();
        Assert.NotEmpty(raymond);
        Assert.NotEmpty(suh);
        Assert.All(raymond, q => Assert.Equal("U.S. Chief of Space Operations", q.GetProperty("speakerTitle").GetString()));
        Assert.All(suh, q => Assert.Equal("Defense Minister", q.GetProperty("speakerTitle").GetString()));

        var form = article.GetProperty("feedbackForm");
        Assert.Equal("How can we improve?", form.GetProperty("prompt").GetString());
        Assert.Equal("Thanks for your feedback!", form.GetProperty("thankYouMessage").GetString());
    }
}
