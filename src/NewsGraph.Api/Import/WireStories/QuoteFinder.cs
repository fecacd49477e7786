using System.Text.RegularExpressions;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Finds the quotes in the body and who said them: <c>"…," Raymond said.</c>, <c>said Kim Yong-hyun, …</c>,
/// <c>Moon said, "…"</c>, <c>"…," according to …</c>. A quoted span with no attribution is a quote only when it
/// goes on from the quote before it (<c>"A," Suh said. "B."</c>); otherwise it is a name or a scare quote.
/// </summary>
internal static partial class QuoteFinder
{
    private const string SpeechVerbs =
        "said|says|added|adds|noted|notes|told|tells|stressed|stresses|emphasized|explained|warned|argued|insisted|"
        + "claimed|stated|wrote|asked|replied|continued|urged|vowed|remarked|declared";

    private readonly record struct Attribution(string Speaker, int At);

    public static IReadOnlyList<ParsedStory.QuoteFacts> Find(IReadOnlyList<string> paragraphs, IReadOnlyList<NamedPerson> people)
    {
        var spans = paragraphs.Select(p => QuotedSpan().Matches(p).ToList()).ToList();
        var mentions = new PersonMentions(people, [.. paragraphs.Select((p, i) => WithoutQuotedWords(p, spans[i]))]);
        var quotes = new List<ParsedStory.QuoteFacts>();
        NamedPerson? lastSpeaker = null;
        var lastQuoteParagraph = -2;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            var clauseStart = 0;
            foreach (var span in spans[i])
            {
                var text = QuoteText(span.Groups["text"].Value);
                var attribution = AttributionAfter(paragraph, span) ?? AttributionBefore(paragraph, span, clauseStart);
                clauseStart = span.Index + span.Length;
                if (text.Length == 0)
                    continue;
                NamedPerson? speaker;
                if (attribution is { } found)
                {
                    var at = PersonMentions.Position(i, found.At);
                    speaker = mentions.Resolve(found.Speaker, at);
                    if (speaker is not null)
                        mentions.Add(speaker, at);
                }
                else if (lastQuoteParagraph == i || (lastQuoteParagraph == i - 1 && span.Length == paragraph.Length))
                {
                    speaker = lastSpeaker;
                }
                else
                {
                    continue;
                }
                quotes.Add(new ParsedStory.QuoteFacts(speaker?.Name, speaker?.Title, text, quotes.Count + 1));
                lastSpeaker = speaker;
                lastQuoteParagraph = i;
            }
        }
        return quotes;
    }

    /// <summary>
    /// The quoted words as a sentence of their own: a full sentence cut by the attribution's comma ends with a
    /// period again; a partial quote ("expand "our collective advantage ...,"") loses the comma only.
    /// </summary>
    private static string QuoteText(string quoted)
    {
        var text = quoted.Trim();
        if (!text.EndsWith(','))
            return text;
        text = text[..^1].TrimEnd();
        return text.Length > 0 && char.IsUpper(text[0]) ? text + "." : text;
    }

    /// <summary><c>"…," Raymond said.</c> / <c>"…," said Kim Yong-hyun, …</c> / <c>"…," according to …</c></summary>
    private static Attribution? AttributionAfter(string paragraph, Match span)
    {
        var quoted = span.Groups["text"].Value.TrimEnd();
        // A quote ending in a period ends its sentence; what follows is the next one.
        if (quoted.EndsWith('.'))
            return null;
        var start = span.Index + span.Length;
        var nextQuote = span.NextMatch();
        var end = Math.Min(Sentences.EndAfter(paragraph, start), nextQuote.Success ? nextQuote.Index : paragraph.Length);
        var after = paragraph[start..end];
        return Attributed(SpeakerThenVerb().Match(after), start)
               ?? Attributed(VerbThenSpeaker().Match(after), start)
               ?? Attributed(AccordingTo().Match(after), start);
    }

    /// <summary><c>Moon said, "…"</c> / <c>The U.S. commander then stressed that the goal is to expand "…"</c></summary>
    private static Attribution? AttributionBefore(string paragraph, Match span, int clauseStart)
    {
        var start = Math.Max(clauseStart, Sentences.StartBefore(paragraph, span.Index));
        var before = paragraph[start..span.Index];
        return Attributed(SpeakerThenVerb().Match(before), start)
               ?? Attributed(LeadingAccordingTo().Match(before), start);
    }

    private static Attribution? Attributed(Match match, int offset)
    {
        var speaker = match.Groups["speaker"];
        return match.Success ? new Attribution(speaker.Value.Trim(), offset + speaker.Index) : null;
    }

    private static string WithoutQuotedWords(string paragraph, List<Match> spans)
    {
        var text = paragraph.ToCharArray();
        foreach (var span in spans)
            Array.Fill(text, ' ', span.Index, span.Length);
        return new string(text);
    }

    [GeneratedRegex("[\"\u201C](?<text>[^\"\u201C\u201D]+)[\"\u201D]")]
    private static partial Regex QuotedSpan();

    // An opening phrase ("In his message, ") may come before the speaker; the adverb is optional ("then stressed").
    [GeneratedRegex(@"^[\s,]*(?:[^,""\u201C\u201D]{1,40},\s+)?(?<speaker>[^,;:""\u201C\u201D]{1,60}?)\s+(?:(?:also|then|later|again|further|\w+ly)\s+)?(?:" + SpeechVerbs + @")\b")]
    private static partial Regex SpeakerThenVerb();

    [GeneratedRegex(@"^[\s,]*(?:" + SpeechVerbs + @")\s+(?<speaker>[^,;:""\u201C\u201D]{1,60}?)\s*(?:[,;]|\.?$)")]
    private static partial Regex VerbThenSpeaker();

    [GeneratedRegex(@"^[\s,]*according to (?<speaker>[^,;:""\u201C\u201D]{1,60}?)\s*(?:[,;]|\.?$)")]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@"^\s*According to (?<speaker>[^,;:""\u201C\u201D]{1,60}),")]
    private static partial Regex LeadingAccordingTo();
}
