using System.Text.RegularExpressions;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Finds the speaker phrase of a quote: beside it (<c>"…," Raymond said.</c>, <c>"…," said Kim Yong-hyun, …</c>,
/// <c>Moon said, "…"</c>, <c>according to …</c>) or, for a quote inside a sentence that reports words, the
/// sentence's subject (<c>Kim called it "…"</c>).
/// </summary>
internal static partial class SpeakerPhrases
{
    private const string SpeechVerbs =
        "said|says|added|adds|noted|notes|told|tells|stressed|stresses|emphasized|emphasised|explained|warned|argued|insisted|"
        + "claimed|stated|wrote|writes|asked|replied|continued|urged|vowed|remarked|declared|recalled|admitted|acknowledged|"
        + "conceded|suggested|announced|predicted|complained|lamented|observed|commented|answered|responded|quipped|joked|"
        + "concluded|reiterated|confirmed|cautioned|contended|maintained|affirmed|assured|posted|tweeted|testified|pledged|promised|"
        + "pointed out|went on|shouted|whispered|recounted|countered|agreed|quoted as saying";

    private const string ReportingVerbs =
        SpeechVerbs + "|called|calls|calling|described|describes|describing|termed|terms|dubbed|dubs|labeled|labelled|branded|"
        + "praised|criticized|criticised|slammed|denounced|hailed|welcomed|expressed|voiced|hoped|hopes|expects|expected|"
        + "characterized|referred|refers|dismissed|rejected|lauded|highlighted|underscored|mentioned|sees|saw|views|viewed|"
        + "believes|thinks|pledging|vowing|saying|adding|noting|stressing|warning|urging|claiming|insisting|promising|calls for|called for";

    /// <summary><c>"…," Raymond said.</c> / <c>"…," said Kim Yong-hyun, …</c> / <c>"…," according to …</c></summary>
    public static SpeakerPhrase? After(string paragraph, int index, int spanIndex, int spanLength, string quoted)
    {
        // A quote ending in a period ends its sentence; what follows is the next one.
        if (quoted.TrimEnd().EndsWith('.'))
            return null;
        var start = spanIndex + spanLength;
        var nextQuote = QuoteMark().Match(paragraph, Math.Min(start, paragraph.Length));
        var end = Math.Min(Sentences.EndAfter(paragraph, start), nextQuote.Success ? nextQuote.Index : paragraph.Length);
        var after = paragraph[start..end];
        return Phrase(SpeakerThenVerb().Match(after), index, start)
               ?? Phrase(VerbThenSpeaker().Match(after), index, start)
               ?? Phrase(AccordingTo().Match(after), index, start);
    }

    /// <summary>
    /// <c>Moon said, "…"</c> or <c>Kim said on Monday that "…"</c> is a speaker beside the quote; <c>Kim said the goal
    /// is to expand "…"</c> or <c>Kim called it "…"</c> gives the sentence's subject.
    /// </summary>
    public static (SpeakerPhrase? Beside, SpeakerPhrase? Subject) Before(string paragraph, int index, int spanIndex, int clauseStart)
    {
        var start = Math.Min(spanIndex, Math.Max(clauseStart, Sentences.StartBefore(paragraph, spanIndex)));
        var before = paragraph[start..spanIndex];
        if (LeadingAccordingTo().Match(before) is { Success: true } according)
            return (Phrase(according, index, start), null);
        var speech = SpeakerThenVerb().Match(before);
        if (speech.Success && ShortGap().IsMatch(before[(speech.Index + speech.Length)..]))
            return (Phrase(speech, index, start), null);
        var reporting = speech.Success ? speech : SubjectThenReportingVerb().Match(before);
        if (!reporting.Success)
            reporting = SubjectThenParticiple().Match(before);
        return (null, Phrase(reporting, index, start));
    }

    /// <summary>A sentence that gives someone's words without quoting them: "Kim said the talks would go on."</summary>
    public static SpeakerPhrase? Paraphrase(string sentence, int index, int offset) => Phrase(SpeakerThenVerb().Match(sentence), index, offset);

    private static SpeakerPhrase? Phrase(Match match, int paragraph, int offset)
    {
        if (!match.Success)
            return null;
        var speaker = match.Groups["speaker"];
        // "Kim Tae-woo, a professor at Konkuk University, said": the name, not its apposition.
        if (match.Groups["intro"] is { Success: true } intro && Apposition().IsMatch(speaker.Value) && NameLikeIntro().IsMatch(intro.Value))
            speaker = intro;
        var conjunction = LeadingConjunction().Match(speaker.Value);
        var text = TimeWords().Replace(speaker.Value[conjunction.Length..], "").Trim();
        var lead = conjunction.Length + speaker.Value[conjunction.Length..].Length - speaker.Value[conjunction.Length..].TrimStart().Length;
        return text.Length > 0 ? new SpeakerPhrase(text, paragraph, offset + speaker.Index + lead) : null;
    }

    [GeneratedRegex(@"^\s*(?:who|which|a|an|the)\b")]
    private static partial Regex Apposition();

    // "…, while the doctors' association calls it": the clause's subject without its conjunction.
    [GeneratedRegex(@"^\s*(?:while|whereas|and|but|as|although|though|because|since|so|yet)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingConjunction();

    // An opening phrase is a time, a place or a participle ("On Monday", "Asked about it"); a speaker's name is not.
    [GeneratedRegex(@"^\s*(?!(?:In|On|At|As|After|Before|During|Meanwhile|However|Earlier|Later|Still|But|And|Also|When|While|Separately|Last|This|Speaking|Asked|Responding|Referring|Addressing|Answering|Citing|According)\b)[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,5}$")]
    private static partial Regex NameLikeIntro();

    [GeneratedRegex(@"\s+(?:on |last |this |early |late )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|earlier|later|today|yesterday)\b.*$")]
    private static partial Regex TimeWords();

    [GeneratedRegex("[\"\u201C\u201D]")]
    private static partial Regex QuoteMark();

    // What may stand between the verb and the quote for the speaker to be beside it: "on Monday,", "reporters:", "in a statement that".
    [GeneratedRegex(@"^(?:[^""\u201C\u201D.]{0,60}(?:[,:]|\bthat))?\s*$")]
    private static partial Regex ShortGap();

    // An opening phrase ("In his message, ") may come before the speaker; the adverb is optional ("then stressed").
    [GeneratedRegex(@"^[\s,]*(?:(?<intro>[^,""\u201C\u201D]{1,80}),\s+)?(?<speaker>[^,;:""\u201C\u201D]{1,100}?),?\s+(?:(?:also|then|later|again|further|once|has|had|have|was|were|\w+ly)\s+){0,2}(?:" + SpeechVerbs + @")\b")]
    private static partial Regex SpeakerThenVerb();

    [GeneratedRegex(@"^[\s,]*(?:(?<intro>[^,""\u201C\u201D]{1,80}),\s+)?(?<speaker>[^,;:""\u201C\u201D]{1,100}?),?\s+(?:(?:also|then|later|again|further|once|has|had|have|was|were|\w+ly)\s+){0,2}(?:" + ReportingVerbs + @")\b")]
    private static partial Regex SubjectThenReportingVerb();

    // "Choo defended the budget, describing it as": the subject of a sentence whose words come in a participle clause.
    [GeneratedRegex(@"^[\s,]*(?<speaker>[^,;:""\u201C\u201D]{1,60}?)\s+(?:\w+ly\s+)?[a-z]{3,}(?:ed|s)\b[^""\u201C\u201D]*,\s+(?:describing|calling|saying|adding|noting|terming|labeling|dubbing|stressing|urging|warning|vowing)\b")]
    private static partial Regex SubjectThenParticiple();

    [GeneratedRegex(@"^[\s,]*(?:" + SpeechVerbs + @")\s+(?<speaker>[^,;:""\u201C\u201D]{1,60}?)\s*(?:[,;]|\.?$)")]
    private static partial Regex VerbThenSpeaker();

    [GeneratedRegex(@"^[\s,]*according to (?<speaker>[^,;:""\u201C\u201D]{1,60}?)\s*(?:[,;]|\.?$)")]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@"^\s*According to (?<speaker>[^,;:""\u201C\u201D]{1,60}),")]
    private static partial Regex LeadingAccordingTo();
}
