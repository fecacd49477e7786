using System.Text.RegularExpressions;
using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Finds the quotes in the body and hands each to the <see cref="AttributionSieve"/> with what stands around it.
/// Reads the body front to back, so that "he" and "the minister" outside quotes are traced as they come and the
/// turn (who spoke last) is known. A quoted span no rule attributes is a quote only when it reads like speech;
/// otherwise it is a name or a scare quote.
/// </summary>
internal static partial class QuoteFinder
{
    private sealed record Span(int Index, int Length, string Raw, bool IsOpen);

    public static IReadOnlyList<ParsedStory.QuoteFacts> Find(IReadOnlyList<string> paragraphs, IReadOnlyList<NamedPerson> people)
    {
        var spans = paragraphs.Select(SpansIn).ToList();
        var blanked = paragraphs.Select((p, i) => WithoutQuotedWords(p, spans[i])).ToList();
        var mentions = new PersonMentions(people, blanked);
        var quotes = new List<(ParsedStory.QuoteFacts Facts, Span Span, int Paragraph)>();
        Turn? turn = null;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var clauseStart = 0;
            var narrative = NarrativeEvents(blanked[i]).ToList();
            var next = 0;
            foreach (var span in spans[i])
            {
                for (; next < narrative.Count && narrative[next].At < span.Index; next++)
                    turn = Narrate(narrative[next], i, blanked[i], mentions, turn);
                var quote = Attribute(paragraphs[i], i, span, clauseStart, mentions, turn);
                clauseStart = span.Index + span.Length;
                if (quote is null)
                    continue;
                quotes.Add((quote.Value.Facts with { Position = quotes.Count + 1 }, span, i));
                turn = quote.Value.Turn;
            }
            for (; next < narrative.Count; next++)
                turn = Narrate(narrative[next], i, blanked[i], mentions, turn);
        }
        return [.. CarryOpenQuotes(quotes)];
    }

    private readonly record struct Attributed(ParsedStory.QuoteFacts Facts, Turn Turn);

    private static Attributed? Attribute(string paragraph, int index, Span span, int clauseStart, PersonMentions mentions, Turn? turn)
    {
        var text = QuoteText(span.Raw);
        if (text.Length == 0)
            return null;
        var beside = SpeakerPhrases.After(paragraph, index, span.Index, span.Length, span.Raw);
        SpeakerPhrase? subject = null;
        if (beside is null)
            (beside, subject) = SpeakerPhrases.Before(paragraph, index, span.Index, clauseStart);
        var whole = span.Index == 0 && paragraph[(span.Index + span.Length)..].Trim().Trim('.', ',').Length == 0;
        var outcome = AttributionSieve.Attribute(new QuoteContext(index, span.Index, beside, subject, whole, turn), mentions);
        if (outcome.Rule == QuoteAttribution.Unattributed && beside is null && subject is null && !(whole && turn is not null) && !LooksLikeSpeech(text))
            return null;
        if (outcome.Speaker is { } speaker)
        {
            var at = beside ?? subject;
            mentions.Add(speaker, index, at?.Offset ?? span.Index);
        }
        var facts = new ParsedStory.QuoteFacts(outcome.Speaker?.Name, outcome.Speaker?.Title, text, 0, outcome.Rule, outcome.Source, outcome.Reason);
        return new Attributed(facts, new Turn(outcome.Speaker, outcome.Source, index, IsQuote: true, outcome.Rule != QuoteAttribution.Unattributed));
    }

    private readonly record struct NarrativeEvent(int At, string? Pronoun);

    /// <summary>Pronouns outside quotes, and the starts of sentences (which may paraphrase someone: "Kim said the talks …").</summary>
    private static IEnumerable<NarrativeEvent> NarrativeEvents(string blanked)
    {
        var events = Pronoun().Matches(blanked).Select(m => new NarrativeEvent(m.Index, m.Value)).ToList();
        for (var start = 0; start < blanked.Length; start = Sentences.EndAfter(blanked, start))
        {
            while (start < blanked.Length && char.IsWhiteSpace(blanked[start]))
                start++;
            if (start < blanked.Length)
                events.Add(new NarrativeEvent(start, null));
        }
        return events.OrderBy(e => e.At).ThenBy(e => e.Pronoun is null ? 0 : 1);
    }

    private static Turn? Narrate(NarrativeEvent narrative, int paragraph, string blanked, PersonMentions mentions, Turn? turn)
    {
        if (narrative.Pronoun is { } pronoun)
        {
            if (mentions.ByPronoun(pronoun, paragraph, narrative.At, turn?.Speaker) is { Person: { } person })
                mentions.Add(person, paragraph, narrative.At);
            return turn;
        }
        var end = Sentences.EndAfter(blanked, narrative.At);
        if (SpeakerPhrases.Paraphrase(blanked[narrative.At..end], paragraph, narrative.At) is not { } phrase)
            return turn;
        var outcome = AttributionSieve.Attribute(new QuoteContext(paragraph, narrative.At, phrase, null, false, turn), mentions);
        return outcome.Speaker is { } speaker ? new Turn(speaker, null, paragraph, IsQuote: false, IsAttributed: true) : turn;
    }

    /// <summary>A quote that runs on into the next paragraph (no closing mark) is given to whoever the next paragraph's quote is.</summary>
    private static IEnumerable<ParsedStory.QuoteFacts> CarryOpenQuotes(List<(ParsedStory.QuoteFacts Facts, Span Span, int Paragraph)> quotes)
    {
        for (var i = 0; i < quotes.Count; i++)
        {
            var (facts, span, paragraph) = quotes[i];
            if (span.IsOpen && facts.Attribution == QuoteAttribution.Unattributed && i + 1 < quotes.Count
                && quotes[i + 1] is { Paragraph: var nextParagraph, Span.Index: 0, Facts: var next } && nextParagraph == paragraph + 1
                && next.Attribution != QuoteAttribution.Unattributed)
            {
                facts = facts with
                {
                    SpeakerName = next.SpeakerName, SpeakerTitle = next.SpeakerTitle, Source = next.Source, UnattributedReason = null,
                    Attribution = next.SpeakerName is null ? QuoteAttribution.Source : QuoteAttribution.Continuation,
                };
            }
            yield return facts;
        }
    }

    private static List<Span> SpansIn(string paragraph)
    {
        var spans = QuotedSpan().Matches(paragraph).Select(m => new Span(m.Index, m.Length, m.Groups["text"].Value, IsOpen: false)).ToList();
        if (spans.Count == 0 && OpenQuote().Match(paragraph) is { Success: true } open)
            spans.Add(new Span(0, paragraph.Length, open.Groups["text"].Value, IsOpen: true));
        return spans;
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

    /// <summary>Words that read as something said: a sentence, or a phrase of several words that is not a title in capitals.</summary>
    private static bool LooksLikeSpeech(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var titleCase = words.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]) || w.Length <= 3);
        return !titleCase && (words.Length >= 5 || (words.Length >= 3 && char.IsUpper(text[0]) && text[^1] is '.' or '?' or '!'));
    }

    private static string WithoutQuotedWords(string paragraph, List<Span> spans)
    {
        var text = paragraph.ToCharArray();
        foreach (var span in spans)
            Array.Fill(text, ' ', span.Index, span.Length);
        return new string(text);
    }

    [GeneratedRegex("[\"\u201C](?<text>[^\"\u201C\u201D]+)[\"\u201D]")]
    private static partial Regex QuotedSpan();

    [GeneratedRegex("^[\"\u201C](?<text>[^\"\u201C\u201D]{20,})$")]
    private static partial Regex OpenQuote();

    [GeneratedRegex(@"\b(?:[Hh]e|[Ss]he)\b")]
    private static partial Regex Pronoun();
}
