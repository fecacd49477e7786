using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Syndication;

public sealed class NinjsDocumentTests : IDisposable
{
    private const string SeedSlug = "us-space-commander-calls-for-deepening-security-ties-with-s-korea-in-space-field";
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "Syndication", "TestData");
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>
    /// The published schema. Its places refer to GeoJSON's schema on the web, which a test does not fetch: that
    /// reference is registered as any object (no document here holds GeoJSON).
    /// </summary>
    private static JsonSchema NinjsSchema()
    {
        var registry = new SchemaRegistry();
        registry.Register(new Uri("https://geojson.org/schema/GeoJSON.json"),
            JsonSchema.FromText("""{ "$id": "https://geojson.org/schema/GeoJSON.json", "type": "object" }""", new BuildOptions { SchemaRegistry = registry }));
        return JsonSchema.FromFile(Path.Combine(TestData, "ninjs-schema_2.1.json"), new BuildOptions { SchemaRegistry = registry });
    }

    private static EvaluationResults Validate(JsonNode document)
        => NinjsSchema().Evaluate(JsonDocument.Parse(document.ToJsonString()).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static string Problems(EvaluationResults results)
        => string.Join('\n', (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));

    private async Task<JsonElement> SeedAsync(string fields)
    {
        var response = await _app.PostAsync($"{{ article(slug: \"{SeedSlug}\") {{ {fields} }} }}");
        Assert.True(response.Errors.Count == 0, response.Text);
        return response.Data.GetProperty("article");
    }

    [Fact]
    public async Task Ninjs_OfTheSeed_ValidatesAgainstThePublishedNinjs21Schema()
    {
        var ninjs = JsonNode.Parse((await SeedAsync("ninjs")).GetProperty("ninjs").GetString()!)!;

        var results = Validate(ninjs);

        Assert.True(results.IsValid, Problems(results));
    }

    [Fact]
    public void NinjsSchema_RefusesADocumentThatBreaksIt()
    {
        var broken = new JsonObject { ["uri"] = "not a uri", ["type"] = "story", ["headline"] = "ninjs 1.x property" };

        Assert.False(Validate(broken).IsValid);
    }

    [Fact]
    public async Task Ninjs_OfTheSeed_CarriesTheStorysFacts()
    {
        var ninjs = JsonNode.Parse((await SeedAsync("ninjs")).GetProperty("ninjs").GetString()!)!.AsObject();

        Assert.Equal("text", (string?)ninjs["type"]);
        Assert.Equal("usable", (string?)ninjs["pubstatus"]);
        Assert.Equal(5, (int?)ninjs["urgency"]);
        Assert.Equal("U.S. space commander calls for deepening security ties with S. Korea in space field", (string?)ninjs["headlines"]![0]!["value"]);
        Assert.Equal("Oh Seok-min", (string?)ninjs["by"]);
        Assert.Equal("SEOUL, Nov. 23 (Yonhap)", (string?)ninjs["located"]);
        Assert.Equal("2020-11-23T15:52:00+09:00", (string?)ninjs["contentcreated"]);
        var bodies = ninjs["bodies"]!.AsArray();
        Assert.Equal(["text/plain", "text/html"], bodies.Select(b => (string?)b!["contenttype"]));
        Assert.StartsWith("<p>The chief of the U.S. Space Operations Command", (string?)bodies[1]!["value"], StringComparison.Ordinal);
        Assert.Equal(
            [("Oh Seok-min", "author"), ("John Raymond", "quoted"), ("Suh Wook", "quoted")],
            ninjs["people"]!.AsArray().Select(p => ((string?)p!["name"], (string?)p["rel"])));
        var pictures = ninjs["associations"]!.AsArray();
        Assert.Equal(2, pictures.Count);
        Assert.Equal(("picture", "Yonhap", "PHOTO NOT FOR SALE"), ((string?)pictures[1]!["type"], (string?)pictures[1]!["copyrightholder"], (string?)pictures[1]!["usageterms"]));
        Assert.Contains(pictures[1]!["descriptions"]!.AsArray(), d => (string?)d!["role"] == "creditline" && (string?)d["value"] == "Yonhap");
    }

    [Fact]
    public async Task JsonLd_OfTheSeed_IsANewsArticleWithEveryRecommendedProperty()
    {
        var jsonLd = JsonDocument.Parse((await SeedAsync("jsonLd")).GetProperty("jsonLd").GetString()!).RootElement;

        Assert.Equal(("https://schema.org", "NewsArticle"), (jsonLd.GetProperty("@context").GetString(), jsonLd.GetProperty("@type").GetString()));
        Assert.Equal("U.S. space commander calls for deepening security ties with S. Korea in space field", jsonLd.GetProperty("headline").GetString());
        var images = jsonLd.GetProperty("image").EnumerateArray().ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, i => Assert.Equal("ImageObject", i.GetProperty("@type").GetString()));
        Assert.StartsWith("This image shows U.S. Chief of Space Operations John Raymond", images[0].GetProperty("caption").GetString(), StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.Parse("2020-11-23T15:52:00+09:00"), jsonLd.GetProperty("datePublished").GetDateTimeOffset());
        Assert.True(jsonLd.GetProperty("dateModified").TryGetDateTimeOffset(out _));
        Assert.Equal([("Person", "Oh Seok-min")], jsonLd.GetProperty("author").EnumerateArray().Select(a => (a.GetProperty("@type").GetString(), a.GetProperty("name").GetString())));
        Assert.Equal(("Organization", "NewsGraph"), (jsonLd.GetProperty("publisher").GetProperty("@type").GetString(), jsonLd.GetProperty("publisher").GetProperty("name").GetString()));
        Assert.Equal("SEOUL, Nov. 23 (Yonhap)", jsonLd.GetProperty("dateline").GetString());
        Assert.Equal("Yonhap", jsonLd.GetProperty("copyrightHolder").GetProperty("name").GetString());
        Assert.True(jsonLd.GetProperty("isAccessibleForFree").GetBoolean());
    }

    [Fact]
    public async Task ExportAsNinjs_WritesEveryPublishedStoryAsAValidDocumentALine()
    {
        var folder = Directory.CreateTempSubdirectory("ninjs-export").FullName;
        try
        {
            var exporter = _app.Services.GetRequiredService<NewsGraph.Api.Syndication.NinjsExporter>();

            var count = await exporter.ExportAsync(folder);

            var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "ninjs.ndjson"));
            Assert.Equal(count, lines.Length);
            Assert.Contains(lines, l => l.Contains("\"slugline\":\"" + SeedSlug + "\"", StringComparison.Ordinal));
            Assert.All(lines, line => Assert.True(Validate(JsonNode.Parse(line)!).IsValid, line));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
