using System.Text;
using NewsGraph.Api.Import.WireStories;
using static NewsGraph.Api.Tests.Import.WireStories.WireStoryPages;

namespace NewsGraph.Api.Tests.Import.WireStories;

/// <summary>Texts that are not wire stories, and stories broken on purpose: clear errors on a line of the text, never a crash.</summary>
public sealed class BrokenCopyParserTests
{
    [Fact]
    public void Parse_Readme_ThrowsAtTheLineWhereTheSectionLineShouldBe()
    {
        const string readme = "# NewsGraph\n\nA GraphQL content backend for a news organisation.\n\n```sh\ndotnet test\n```\n";

        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(readme));

        Assert.Equal(3, error.Line);
        Assert.Contains("section and time line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n \t\n")]
    public void Parse_EmptyText_ThrowsAtLineOne(string text)
    {
        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(text));

        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OnlyPageChrome_ThrowsSayingTheHeadlineIsMissing()
    {
        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(
            "Go to Contents Go to Navigation\n\n\nSend Feedback\nHow can we improve?\nThanks for your feedback!"));

        Assert.Equal(6, error.Line);
        Assert.Contains("headline", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("All News 15:52 Novem")]
    [InlineData("All News 15:52")]
    [InlineData("All News 15:52 November 23,")]
    public void Parse_TruncatedDateLine_ThrowsAtThatLine(string truncated)
    {
        var text = File.ReadAllText(SeedPage).Replace("All News 15:52 November 23, 2020", truncated, StringComparison.Ordinal);

        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(text));

        Assert.Equal(5, error.Line);
        Assert.Contains("no complete date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("All News 25:52 November 23, 2020")]
    [InlineData("All News 15:52 November 31, 2020")]
    [InlineData("All News 15:52 Novembre 23, 2020")]
    public void Parse_ImpossibleTimeOrDate_ThrowsAtThatLine(string impossible)
    {
        var text = File.ReadAllText(SeedPage).Replace("All News 15:52 November 23, 2020", impossible, StringComparison.Ordinal);

        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(text));

        Assert.Equal(5, error.Line);
        Assert.Contains("not a valid time and date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SectionLineInPlaceOfTheHeadline_ThrowsAtThatLine()
    {
        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(
            "Go to Contents Go to Navigation\n\nAll News 15:52 November 23, 2020\n\nBy Oh Seok-min\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("headline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeadlineOfMarkersOnly_ThrowsAtTheHeadline()
    {
        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(Page(headline: "(LEAD) (URGENT)", "Text.")));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_BinaryFileDecodedAsText_ThrowsAtLineOne()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        JpegStart.CopyTo(bytes, 0);

        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(Encoding.UTF8.GetString(bytes)));

        Assert.Equal(1, error.Line);
        Assert.Contains("not a wire story", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    public void Parse_GarbageBytesInPlaceOfALine_ThrowsAtThatLine(int line)
    {
        var lines = File.ReadAllText(SeedPage).Split('\n');
        lines[line - 1] = Encoding.UTF8.GetString(JpegStart);

        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(string.Join('\n', lines)));

        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
        => Assert.Throws<ArgumentNullException>(() => WireStoryParser.Parse(null!));

    [Fact]
    public void Parse_TruncatedAndMutatedStories_FailOnlyWithWireStoryFormatExceptionOnALineOfTheText()
    {
        var random = new Random(20201123);
        var stories = Directory.GetFiles(StoriesFolder, "*.txt").Append(SeedPage).Select(File.ReadAllText).ToList();
        var variants = stories.SelectMany(story => Truncations(story).Concat(Enumerable.Range(0, 150).Select(_ => Mutated(story, random))));
        var parsed = 0;

        foreach (var variant in variants)
        {
            try
            {
                WireStoryParser.Parse(variant);
                parsed++;
            }
            catch (WireStoryFormatException error)
            {
                Assert.InRange(error.Line, 1, Math.Max(1, variant.Split('\n').Length));
            }
        }

        Assert.InRange(parsed, 1, int.MaxValue);
    }

    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];

    private static readonly string[] WireFragments = ["\"", "(", ")", " -- ", ",", ".", "(END)", "By ", " (Yonhap)", " said", "Gen. ", "\u201C"];

    private static IEnumerable<string> Truncations(string story)
        => Enumerable.Range(0, story.Length / 7).Select(i => story[..(i * 7)]);

    private static string Mutated(string story, Random random)
    {
        var lines = story.Split('\n').ToList();
        for (var changes = random.Next(1, 4); changes > 0; changes--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    var line = lines[at];
                    var position = random.Next(line.Length + 1);
                    lines[at] = line.Insert(position, WireFragments[random.Next(WireFragments.Length)]);
                    break;
                case 3:
                    lines[at] = new string(lines[at].Where((_, i) => random.Next(10) > 0).ToArray());
                    break;
                default:
                    lines[at] = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(32, 0x3000)));
                    break;
            }
            if (lines.Count == 0)
                lines.Add(string.Empty);
        }
        return string.Join('\n', lines);
    }
}
