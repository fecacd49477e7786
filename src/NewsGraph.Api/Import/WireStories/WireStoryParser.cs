using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Reads a wire story from the plain text of its page: headline with markers, section and time, byline,
/// dateline, paragraphs, photo captions, the people it names and the quotes it gives them.
/// </summary>
public static partial class WireStoryParser
{
    private const string SectionLineShape = "\"<Section> <HH:MM> <Month D, YYYY>\"";

    /// <exception cref="WireStoryFormatException">The text is not a wire story.</exception>
    public static ParsedStory Parse(string text, WireStoryParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var offset = (options ?? new WireStoryParserOptions()).DefaultOffset;
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset.Duration() > TimeSpan.FromHours(14))
            throw new ArgumentOutOfRangeException(nameof(options), offset, "The offset must be whole minutes within ±14 hours.");

        var lines = StoryLines.Of(text);
        var headlineLine = lines.Next("headline");
        if (SectionLine().IsMatch(headlineLine.Text))
            throw new WireStoryFormatException(headlineLine.Number, "Expected the headline; found the section and time line.");
        var headline = WireHeadline.Read(headlineLine);
        var notes = new List<string>(headline.Notes);
        ReadNotes(lines, notes);
        var (section, publishedAt) = ReadSectionLine(lines.Next("section and time line"), offset);
        ReadNotes(lines, notes);
        var title = headline.Text ?? ReadEditorialTitle(lines, headlineLine, headline);
        ReadNotes(lines, notes);
        var bylines = ReadBylines(lines);
        ReadNotes(lines, notes);
        var (blocks, hasEndMarker) = lines.Blocks();

        var body = ReadBody(blocks, notes);
        var people = PeopleFinder.Find(body.PageOrder, bylines);
        var quotes = QuoteFinder.Find(body.Paragraphs, people);
        return new ParsedStory(
            title,
            headline.RevisionLabel,
            headline.Genre,
            headline.IsUrgent,
            section,
            publishedAt,
            bylines,
            body.Dateline,
            notes,
            body.Paragraphs,
            body.Images,
            [.. people.Select(p => new ParsedStory.PersonFacts(p.Name, p.Title, p.Organization))],
            quotes,
            hasEndMarker);
    }

    private sealed record Body(
        List<string> Paragraphs, List<ParsedStory.ImageFacts> Images, List<StoryBlock> PageOrder, ParsedStory.DatelineFacts? Dateline);

    /// <summary>Paragraphs, captions and notes in page order; the dateline taken off the first paragraph.</summary>
    private static Body ReadBody(IReadOnlyList<string> blocks, List<string> notes)
    {
        var body = new Body([], [], [], null);
        var dateline = (ParsedStory.DatelineFacts?)null;
        foreach (var block in blocks)
        {
            var paragraph = block;
            while (WireHeadline.LeadingNote(paragraph) is var (note, rest))
            {
                notes.Add(note);
                paragraph = rest;
            }
            if (paragraph.Length == 0 || ContactLine().IsMatch(paragraph))
                continue;
            if (PhotoCaption.TryRead(paragraph) is { } image)
            {
                body.Images.Add(image);
                body.PageOrder.Add(new StoryBlock(image.Caption, IsCaption: true));
                continue;
            }
            if (body.Paragraphs.Count == 0 && dateline is null && ReadDateline(paragraph) is var (facts, afterDateline))
            {
                dateline = facts;
                paragraph = afterDateline;
            }
            if (paragraph.Length == 0)
                continue;
            body.Paragraphs.Add(paragraph);
            body.PageOrder.Add(new StoryBlock(paragraph, IsCaption: false));
        }
        return body with { Dateline = dateline };
    }

    /// <summary>Lines that are wholly a note to editors ("(ATTN: …)"), wherever they stand above the body.</summary>
    private static void ReadNotes(StoryLines lines, List<string> notes)
    {
        while (lines.Peek() is { } line && WireHeadline.StartsNote(line.Text))
        {
            var text = line.Text;
            lines.Skip(line);
            // A long note may wrap onto the next lines: "(ATTN: UPDATES with details in paras 3-5;" / "ADDS photo)".
            for (var more = 0; WireHeadline.NoteIn(text) is null && more < 3 && lines.Peek() is { } next; more++)
            {
                text = $"{text} {next.Text}";
                lines.Skip(next);
            }
            if (WireHeadline.NoteIn(text) is not { } note)
            {
                lines.Rewind(line);
                return;
            }
            notes.Add(note);
        }
    }

    /// <summary>An editorial page: the headline line holds "(EDITORIAL from …)" only; the title is the line after the time line.</summary>
    private static string ReadEditorialTitle(StoryLines lines, StoryLine headlineLine, WireHeadline headline)
    {
        if (!headline.IsEditorial)
            throw new WireStoryFormatException(headlineLine.Number, "The headline has markers but no words.");
        var title = lines.Next("editorial's title");
        if (title.Text.Length > Articles.Article.HeadlineMaxLength || ReadDateline(title.Text) is not null)
            throw new WireStoryFormatException(title.Number, "Expected the editorial's title after the time line.");
        lines.Skip(title);
        return title.Text;
    }

    private static (string Section, DateTimeOffset PublishedAt) ReadSectionLine(StoryLine line, TimeSpan offset)
    {
        var match = SectionLine().Match(line.Text);
        if (!match.Success)
        {
            throw new WireStoryFormatException(line.Number, ClockTime().IsMatch(line.Text)
                ? $"The section and time line \"{Shortened(line.Text)}\" has no complete date; expected {SectionLineShape}."
                : $"Expected the section and time line {SectionLineShape} after the headline; found \"{Shortened(line.Text)}\".");
        }
        var localTime = $"{match.Groups["time"].Value} {match.Groups["date"].Value}";
        if (!DateTime.TryParseExact(localTime, "H:mm MMMM d, yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Ticks - offset.Ticks < DateTime.MinValue.Ticks
            || local.Ticks - offset.Ticks > DateTime.MaxValue.Ticks)
        {
            throw new WireStoryFormatException(line.Number, $"\"{localTime}\" is not a valid time and date.");
        }
        return (match.Groups["section"].Value, new DateTimeOffset(local, offset));
    }

    /// <summary>"By A", "By A and B", "By A, B and C"; a line that only looks like one ("By 2030, …") is body text.</summary>
    private static List<string> ReadBylines(StoryLines lines)
    {
        if (lines.Peek() is not { } line || !line.Text.StartsWith("By ", StringComparison.Ordinal))
            return [];
        var names = BylineSeparator().Split(line.Text[3..]).Select(n => n.Trim()).ToList();
        if (!names.All(n => ReporterName().IsMatch(n)))
            return [];
        lines.Skip(line);
        return names;
    }

    /// <summary>"WASHINGTON/SEOUL, Nov. 22 (Yonhap) -- " at the start of the first paragraph, and the rest of it.</summary>
    private static (ParsedStory.DatelineFacts Facts, string Paragraph)? ReadDateline(string paragraph)
    {
        var match = Dateline().Match(paragraph);
        if (!match.Success)
            return null;
        var places = match.Groups["places"].Value.Split('/').Select(p => p.Trim()).ToList();
        if (match.Groups["region"].Success)
            places[^1] = $"{places[^1]}, {match.Groups["region"].Value}";
        var facts = new ParsedStory.DatelineFacts(places, match.Groups["date"].Value, match.Groups["source"].Value);
        return (facts, paragraph[match.Length..]);
    }

    private static string Shortened(string text) => text.Length <= 60 ? text : $"{text[..57]}...";

    [GeneratedRegex(@"^(?<section>\S.*?)\s+(?<time>\d{1,2}:\d{2})\s+(?<date>[A-Z][a-z]+ \d{1,2}, \d{4})$")]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*[,;/]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*$")]
    private static partial Regex ContactLine();

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+and\s+")]
    private static partial Regex BylineSeparator();

    [GeneratedRegex(@"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4}$")]
    private static partial Regex ReporterName();

    [GeneratedRegex(@"^(?<places>[A-Z][A-Z.' -]*(?:/[A-Z][A-Z.' -]*)*)(?:, (?<region>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){0,2}))?, (?<date>" + WireMonths.Pattern + @" \d{1,2}) \((?<source>[A-Za-z][\w .-]*)\)\s*(?:--|\u2014|\u2013)\s*")]
    private static partial Regex Dateline();
}
