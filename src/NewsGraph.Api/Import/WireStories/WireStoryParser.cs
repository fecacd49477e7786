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
        var headline = ReadHeadline(lines.Next("headline"));
        var (section, publishedAt) = ReadSectionLine(lines.Next("section and time line"), offset);
        var bylines = ReadBylines(lines);
        var (blocks, hasEndMarker) = lines.Blocks();

        var paragraphs = new List<string>();
        var images = new List<ParsedStory.ImageFacts>();
        var pageOrder = new List<StoryBlock>();
        ParsedStory.DatelineFacts? dateline = null;
        foreach (var block in blocks)
        {
            if (PhotoCaption.TryRead(block) is { } image)
            {
                images.Add(image);
                pageOrder.Add(new StoryBlock(image.Caption, IsCaption: true));
                continue;
            }
            var paragraph = block;
            if (paragraphs.Count == 0 && ReadDateline(block) is var (facts, rest))
            {
                dateline = facts;
                paragraph = rest;
            }
            if (paragraph.Length == 0)
                continue;
            paragraphs.Add(paragraph);
            pageOrder.Add(new StoryBlock(paragraph, IsCaption: false));
        }

        var people = PeopleFinder.Find(pageOrder, bylines);
        var quotes = QuoteFinder.Find(paragraphs, people);
        return new ParsedStory(
            headline.Text,
            headline.RevisionLabel,
            headline.Genre,
            headline.IsUrgent,
            section,
            publishedAt,
            bylines,
            dateline,
            paragraphs,
            images,
            [.. people.Select(p => new ParsedStory.PersonFacts(p.Name, p.Title, p.Organization))],
            quotes,
            hasEndMarker);
    }

    private sealed record Headline(string Text, string? RevisionLabel, string? Genre, bool IsUrgent);

    /// <summary>Takes the leading markers off the headline: "(2nd LD) (URGENT) (News Focus) …".</summary>
    private static Headline ReadHeadline(StoryLine line)
    {
        if (SectionLine().IsMatch(line.Text))
            throw new WireStoryFormatException(line.Number, "Expected the headline; found the section and time line.");
        string? revision = null;
        var genres = new List<string>();
        var isUrgent = false;
        var rest = line.Text;
        for (var marker = LeadingMarker().Match(rest); marker.Success; marker = LeadingMarker().Match(rest))
        {
            var name = marker.Groups["marker"].Value.Trim();
            if (name == "URGENT")
                isUrgent = true;
            else if (RevisionMarker().IsMatch(name))
                revision ??= name;
            else
                genres.Add(name);
            rest = rest[marker.Length..];
        }
        if (rest.Length == 0)
            throw new WireStoryFormatException(line.Number, "The headline has markers but no words.");
        return new Headline(rest, revision, genres.Count > 0 ? string.Join(", ", genres) : null, isUrgent);
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
        var facts = new ParsedStory.DatelineFacts(places, match.Groups["date"].Value, match.Groups["source"].Value);
        return (facts, paragraph[match.Length..]);
    }

    private static string Shortened(string text) => text.Length <= 60 ? text : $"{text[..57]}...";

    [GeneratedRegex(@"^(?<section>\S.*?)\s+(?<time>\d{1,2}:\d{2})\s+(?<date>[A-Z][a-z]+ \d{1,2}, \d{4})$")]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^\((?<marker>[A-Za-z0-9][^()]{0,39})\)\s*")]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"^(?:LEAD|\d+(?:st|nd|rd|th) LD)$")]
    private static partial Regex RevisionMarker();

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+and\s+")]
    private static partial Regex BylineSeparator();

    [GeneratedRegex(@"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4}$")]
    private static partial Regex ReporterName();

    [GeneratedRegex(@"^(?<places>[A-Z][A-Z.' -]*(?:/[A-Z][A-Z.' -]*)*), (?<date>" + WireMonths.Pattern + @" \d{1,2}) \((?<source>[A-Za-z][\w .-]*)\) (?:--|\u2014)\s*")]
    private static partial Regex Dateline();
}
