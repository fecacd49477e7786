using NewsGraph.Api.Import.WireStories;
using Xunit.Abstractions;

namespace NewsGraph.Api.Tests.Import.WireStories;

/// <summary>
/// The test stories (<c>Stories/*.txt</c>, written for the layouts and attributions of the wire) against the facts
/// beside each (<c>*.json</c>): headline, markers, section, time, byline, dateline, notes, paragraph count, photos
/// and every quote's speaker and the rule that found it.
/// </summary>
public sealed class WireStoryFactsTests(ITestOutputHelper output)
{
    private static readonly string StoriesFolder = Path.Combine(AppContext.BaseDirectory, "Import", "WireStories", "Stories");

    private static List<string> Names()
        => [.. Directory.GetFiles(StoriesFolder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Stories() => [.. Names()];

    [Theory]
    [MemberData(nameof(Stories))]
    public void Parse_TestStory_YieldsEveryExpectedFact(string name)
    {
        var expected = StoryFacts.Read(Path.Combine(StoriesFolder, name + ".json"));

        var story = WireStoryParser.Parse(File.ReadAllText(Path.Combine(StoriesFolder, name + ".txt")));

        var wrong = expected.Compare(story).Where(f => !Equals(f.Expected, f.Actual)).Select(f => $"{f.Fact}: expected {f.Expected ?? "null"}, got {f.Actual ?? "null"}").ToList();
        Assert.True(wrong.Count == 0, $"{name}:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void Parse_AllTestStories_GetEveryFactRight()
    {
        var facts = 0;
        var right = 0;
        foreach (var name in Names())
        {
            var story = WireStoryParser.Parse(File.ReadAllText(Path.Combine(StoriesFolder, name + ".txt")));
            foreach (var fact in StoryFacts.Read(Path.Combine(StoriesFolder, name + ".json")).Compare(story))
            {
                facts++;
                right += Equals(fact.Expected, fact.Actual) ? 1 : 0;
            }
        }
        output.WriteLine($"{right} of {facts} facts right in {Names().Count} stories");

        Assert.InRange(Names().Count, 30, int.MaxValue);
        Assert.Equal(facts, right);
    }
}
