using NewsGraph.Api.Articles;
using NewsGraph.Api.Import.WireStories;
using Snapshooter.Xunit;
using static NewsGraph.Api.Tests.Import.WireStories.WireStoryPages;

namespace NewsGraph.Api.Tests.Import.WireStories;

/// <summary>The seed page: every fact of it, the offset of its time, and a snapshot of all the parser reads.</summary>
public sealed class SeedPageParserTests
{
    [Fact]
    public async Task Parse_SeedPage_YieldsEveryFactOfThePage()
    {
        var parsed = WireStoryParser.Parse(await File.ReadAllTextAsync(SeedPage));

        Assert.Equal("U.S. space commander calls for deepening security ties with S. Korea in space field", parsed.Headline);
        Assert.Equal("us-space-commander-calls-for-deepening-security-ties-with-s-korea-in-space-field", Slug.From(parsed.Headline));
        Assert.Null(parsed.RevisionLabel);
        Assert.Null(parsed.Genre);
        Assert.False(parsed.IsUrgent);
        Assert.Equal("All News", parsed.Section);
        Assert.Equal(new DateTimeOffset(2020, 11, 23, 15, 52, 0, TimeSpan.FromHours(9)), parsed.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(9), parsed.PublishedAt.Offset);
        Assert.Equal(["Oh Seok-min"], parsed.Bylines);
        Assert.NotNull(parsed.Dateline);
        Assert.Equal(["SEOUL"], parsed.Dateline.Places);
        Assert.Equal("Nov. 23", parsed.Dateline.Date);
        Assert.Equal("Yonhap", parsed.Dateline.Source);

        Assert.Equal(8, parsed.Paragraphs.Count);
        Assert.Equal("The chief of the U.S. Space Operations Command called Monday for closer defense cooperation with South Korea in the domain of space to better cope with emerging threats and boost mutual capacity.", parsed.Paragraphs[0]);
        Assert.StartsWith("Gen. John Raymond made the remarks", parsed.Paragraphs[1], StringComparison.Ordinal);
        Assert.StartsWith("The U.S. commander then stressed", parsed.Paragraphs[4], StringComparison.Ordinal);
        Assert.StartsWith("Defense Minister Suh Wook also delivered", parsed.Paragraphs[6], StringComparison.Ordinal);
        Assert.EndsWith("setting up a system for joint space operations.\"", parsed.Paragraphs[7], StringComparison.Ordinal);
        Assert.DoesNotContain(parsed.Paragraphs, p => p.Contains("(Yonhap)", StringComparison.Ordinal));

        Assert.Equal(2, parsed.Images.Count);
        Assert.Equal("This image shows U.S. Chief of Space Operations John Raymond speaking in his video message for the 2020 Defense Space Power Development Symposium held in Seoul on Nov. 23, 2020.", parsed.Images[0].Caption);
        Assert.Equal(("Yonhap", null, null, false, false, new DateOnly(2020, 11, 23)),
            (parsed.Images[0].Credit, parsed.Images[0].Provider, parsed.Images[0].RightsNote, parsed.Images[0].IsNotForSale, parsed.Images[0].IsFilePhoto, parsed.Images[0].TakenOn));
        Assert.StartsWith("A Falcon 9 Block 5 rocket carrying the Anasis-II satellite", parsed.Images[1].Caption, StringComparison.Ordinal);
        Assert.EndsWith("the administration said on July 31.", parsed.Images[1].Caption, StringComparison.Ordinal);
        Assert.Equal(("Yonhap", "Defense Acquisition Program Administration", "PHOTO NOT FOR SALE", true, true, new DateOnly(2020, 7, 20)),
            (parsed.Images[1].Credit, parsed.Images[1].Provider, parsed.Images[1].RightsNote, parsed.Images[1].IsNotForSale, parsed.Images[1].IsFilePhoto, parsed.Images[1].TakenOn));

        Assert.Equal(
            [("John Raymond", "U.S. Chief of Space Operations", "U.S. Space Operations Command"), ("Suh Wook", "Defense Minister", null)],
            parsed.People.Select(p => (p.Name, p.Title, p.Organization)));
        const string raymond = "U.S. Chief of Space Operations";
        Assert.Equal(
            [
                ("John Raymond", raymond, "Today, space power is a growing source and conduit for national power, prosperity and prestige ... However, access to the domain can no longer be assumed. There is a growing need for security."),
                ("John Raymond", raymond, "In the future, the space force is committed to working with the Republic of Korea to improve our mutual capabilities to build capacity and resilience to emerging threats. Just like we have partnered on land, at sea and in the air, we must expand our cooperation in space."),
                ("John Raymond", raymond, "our collective advantage now to deter a conflict from starting in the first place"),
                ("John Raymond", raymond, "Our relationship is a shining example of why our defense strategy tells us to strengthen alliances and attract new partners. We're clearly stronger together."),
                ("Suh Wook", "Defense Minister", "Our military has made diverse efforts to beef up our defense capabilities in space."),
                ("Suh Wook", "Defense Minister", "We will continue to enhance space capabilities by securing a military reconnaissance satellite and other assets, and setting up a system for joint space operations."),
            ],
            parsed.Quotes.Select(q => (q.SpeakerName!, q.SpeakerTitle!, q.Text)));
        Assert.Equal([1, 2, 3, 4, 5, 6], parsed.Quotes.Select(q => q.Position));
        Assert.False(parsed.HasEndMarker);
    }

    [Fact]
    public void Parse_OffsetInOptions_KeepsTheLocalTimeAtThatOffset()
    {
        var options = new WireStoryParserOptions { DefaultOffset = TimeSpan.FromHours(-5) };

        var story = WireStoryParser.Parse(File.ReadAllText(SeedPage), options);

        Assert.Equal(new DateTimeOffset(2020, 11, 23, 15, 52, 0, TimeSpan.FromHours(-5)), story.PublishedAt);
    }

    [Fact]
    public void Parse_OffsetBeyondFourteenHours_IsRefusedAsAnArgument()
    {
        var options = new WireStoryParserOptions { DefaultOffset = TimeSpan.FromHours(15) };

        Assert.Throws<ArgumentOutOfRangeException>(() => WireStoryParser.Parse(File.ReadAllText(SeedPage), options));
    }

    [Fact]
    public void Parse_SeedPage_MatchesSnapshot()
    {
        var parsed = WireStoryParser.Parse(File.ReadAllText(SeedPage));

        Snapshot.Match(parsed);
    }
}
