using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Import;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.Import.WireStories;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Import;

public sealed class WireStoryImportTests : IDisposable
{
    private static readonly string Stories = Path.Combine(AppContext.BaseDirectory, "Import", "WireStories", "Stories");
    private readonly string _folder = Directory.CreateTempSubdirectory("newsgraph-wire-").FullName;
    private readonly NewsGraphApplication _app = new();

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private ImportCommand Command => _app.Services.GetRequiredService<ImportCommand>();

    [Fact]
    public async Task ImportingAFolderTwice_LeavesEveryTableAsItWas()
    {
        using var first = new StringWriter();
        Assert.Equal(0, await Command.RunAsync([Stories], first, interactive: false, CancellationToken.None));
        await using var db = await _app.CreateDbContextAsync();
        var once = await TableCounts.OfAsync(db);
        using var second = new StringWriter();

        Assert.Equal(0, await Command.RunAsync([Stories], second, interactive: false, CancellationToken.None));

        Assert.Equal(once, await TableCounts.OfAsync(db));
        var storyCount = Directory.GetFiles(Stories, "*.txt").Length;
        Assert.Contains($"{storyCount} stories: {storyCount} created, 0 updated, 0 unchanged, 0 failed", first.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{storyCount} stories: 0 created, 0 updated, {storyCount} unchanged, 0 failed", second.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuoteWithoutSpeaker_IsListedWithItsReason_AndTheWireNotesBecomeEditorNotes()
    {
        using var output = new StringWriter();

        await Command.RunAsync([Path.Combine(Stories, "ambiguous_pronoun_two_men.txt"), Path.Combine(Stories, "attn_note_before_byline.txt")], output, interactive: false, CancellationToken.None);

        var report = output.ToString();
        Assert.Contains("quote 1 has no speaker (\"We should put the people's livelihoods first.\"): \u201Che\u201D could be Han Dong-hoon or Lee Jae-myung", report, StringComparison.Ordinal);
        await using var db = await _app.CreateDbContextAsync();
        var quote = await db.Quotes.SingleAsync(q => q.Text.StartsWith("We should put"));
        Assert.Equal((null, NewsGraph.Api.Articles.QuoteAttribution.Unattributed), (quote.SpeakerId, quote.Attribution));
        Assert.NotNull(quote.UnattributedReason);
        var missile = await db.Articles.SingleAsync(a => a.Headline.StartsWith("N. Korea fires ballistic missile"));
        Assert.Equal("ATTN: UPDATES with details in paras 3-5; ADDS photo", missile.EditorNotes);
    }

    [Fact]
    public async Task TheSeedStory_ImportedAgain_IsUnchanged()
    {
        using var output = new StringWriter();

        await Command.RunAsync([Path.Combine(AppContext.BaseDirectory, "seeds")], output, interactive: false, CancellationToken.None);

        Assert.Contains($"unchanged", output.ToString(), StringComparison.Ordinal);
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(1, (await db.Articles.SingleAsync()).Version);
    }

    [Fact]
    public async Task AFileThatIsNotAStory_IsReportedWithItsLine_AndTheOthersImport()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "mixed")).FullName;
        File.Copy(Path.Combine(Stories, "urgent_exports.txt"), Path.Combine(folder, "a.txt"));
        await File.WriteAllTextAsync(Path.Combine(folder, "b.txt"), "# Release notes\n\nNothing to see here.\n");
        File.Copy(Path.Combine(Stories, "xinhua_ocean_satellite.txt"), Path.Combine(folder, "c.txt"));
        using var output = new StringWriter();

        var exitCode = await Command.RunAsync([folder], output, interactive: false, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Matches($@"FAIL\s+{System.Text.RegularExpressions.Regex.Escape(Path.Combine(folder, "b.txt"))}:\d+: ", output.ToString());
        Assert.Contains("3 stories: 2 created, 0 updated, 0 unchanged, 1 failed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteThrough_UpdatesTheStoryItReplaces()
    {
        var original = await File.ReadAllTextAsync(Path.Combine(Stories, "urgent_exports.txt"));
        var first = Path.Combine(_folder, "first.txt");
        await File.WriteAllTextAsync(first, original);
        var headline = original.Split('\n').First(l => l.StartsWith("(URGENT)", StringComparison.Ordinal));
        var lead = Path.Combine(_folder, "lead.txt");
        await File.WriteAllTextAsync(lead, original.Replace(headline, headline.Replace("(URGENT)", "(LEAD)", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("(END)", "More details followed in the afternoon.\n\n(END)", StringComparison.Ordinal));

        await Command.RunAsync([first], TextWriter.Null, false, CancellationToken.None);
        using var output = new StringWriter();
        await Command.RunAsync([lead], output, false, CancellationToken.None);

        Assert.Contains("updated", output.ToString(), StringComparison.Ordinal);
        await using var db = await _app.CreateDbContextAsync();
        var story = await db.Articles.SingleAsync(a => a.RevisionLabel == "LEAD");
        Assert.Equal(2, story.Version);
        Assert.False(story.IsUrgent);
        Assert.Equal("More details followed in the afternoon.", story.Paragraphs[^1]);
        Assert.Equal(2, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task People_AreOneRowAcrossStories()
    {
        var story = await File.ReadAllTextAsync(Path.Combine(Stories, "lead_red_cross_talks.txt"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "one.txt"), story);
        await File.WriteAllTextAsync(Path.Combine(_folder, "two.txt"), story.Replace(
            "Seoul proposes Red Cross talks", "Seoul again proposes Red Cross talks", StringComparison.Ordinal));

        await Command.RunAsync([_folder], TextWriter.Null, false, CancellationToken.None);

        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(3, await db.Articles.CountAsync());
        Assert.Equal(1, await db.People.CountAsync(p => p.Name == "Han Seung-woo"));
        Assert.Equal(2, await db.Quotes.Where(q => q.Speaker!.Name == "Han Seung-woo").Select(q => q.ArticleId).Distinct().CountAsync());
    }
}
