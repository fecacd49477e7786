using NewsGraph.Api.Articles;
using NewsGraph.Api.Import;

namespace NewsGraph.Api.Tests.Import;

public sealed class WireStoryParserTests
{
    private static readonly string SeedPage = Path.Combine(AppContext.BaseDirectory, "seeds", "000_42211273ac0188eb.txt");
    private static readonly string SeedFacts = Path.Combine(AppContext.BaseDirectory, "seeds", "000_42211273ac0188eb.json");

    [Fact]
    public async Task Parse_SeedPage_ReproducesTheCuratedFacts()
    {
        var curated = await CuratedStory.ReadAsync(SeedFacts, CancellationToken.None);

        var parsed = WireStoryParser.Parse(await File.ReadAllTextAsync(SeedPage));

        Assert.Equal(curated.Headline, parsed.Headline);
        Assert.Equal(curated.Slug, Slug.From(parsed.Headline));
        Assert.Equal(curated.RevisionLabel, parsed.RevisionLabel);
        Assert.Equal(curated.Genre, parsed.Genre);
        Assert.Equal(curated.IsUrgent, parsed.IsUrgent);
        Assert.Equal(curated.Section, parsed.Section);
        Assert.Equal(curated.PublishedAt, parsed.PublishedAt);
        Assert.Equal(curated.PublishedAt.Offset, parsed.PublishedAt.Offset);
        Assert.Equal(curated.Bylines.Select(b => b.Name), parsed.Bylines);
        Assert.NotNull(parsed.Dateline);
        Assert.Equal(curated.Dateline.Places, parsed.Dateline.Places);
        Assert.Equal(curated.Dateline.Date, parsed.Dateline.Date);
        Assert.Equal(curated.Dateline.Source, parsed.Dateline.Source);
        Assert.Equal(curated.Paragraphs, parsed.Paragraphs);
        Assert.Equal(curated.Images.Count, parsed.Images.Count);
        foreach (var (expected, actual) in curated.Images.Zip(parsed.Images))
        {
            Assert.Equal(expected.Caption, actual.Caption);
            Assert.Equal(expected.Credit, actual.Credit);
            Assert.Equal(expected.Provider, actual.Provider);
            Assert.Equal(expected.RightsNote, actual.RightsNote);
            Assert.Equal(expected.IsNotForSale, actual.IsNotForSale);
            Assert.Equal(expected.IsFilePhoto, actual.IsFilePhoto);
            Assert.Equal(expected.TakenOn, actual.TakenOn);
        }
        Assert.Equal(curated.People.Select(p => (p.Name, p.Title, p.Organization)), parsed.People.Select(p => (p.Name, p.Title, p.Organization)));
        Assert.Equal(curated.Quotes.Select(q => ((string?)q.Speaker, q.SpeakerTitle, q.Text)), parsed.Quotes.Select(q => (q.SpeakerName, q.SpeakerTitle, q.Text)));
        Assert.Equal(Enumerable.Range(1, curated.Quotes.Count), parsed.Quotes.Select(q => q.Position));
        Assert.False(parsed.HasEndMarker);
    }
}
