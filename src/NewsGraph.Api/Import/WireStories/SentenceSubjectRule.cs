using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Rule 6: a partial quote inside a sentence that reports someone's words, given to the sentence's subject
/// ("Kim called it \"…\"", "She said the market could rebound \"as early as …\"").
/// </summary>
internal sealed class SentenceSubjectRule : IAttributionRule
{
    public AttributionOutcome? Apply(QuoteContext quote, PersonMentions mentions)
    {
        if (quote.Subject is not { } subject)
            return null;
        var turn = quote.Turn?.Speaker;
        if (mentions.NamedIn(subject.Text) is { } named)
            return AttributionOutcome.To(QuoteAttribution.SentenceSubject, named);
        var resolution = SpeakerReferences.Surname(subject, mentions) is { } surname ? mentions.BySurname(surname, subject.Paragraph, subject.Offset, turn)
            : subject.IsPronoun ? mentions.ByPronoun(subject.Text, subject.Paragraph, subject.Offset, turn)
            : SpeakerReferences.IsDescription(subject) ? mentions.ByRole(subject.HeadNoun!, subject.Text, subject.Paragraph, subject.Offset, turn, subject.Modifiers)
            : null;
        if (AttributionOutcome.Of(QuoteAttribution.SentenceSubject, resolution) is { } outcome)
            return outcome;
        return SpeakerReferences.IsSource(subject) && !subject.IsPronoun ? AttributionOutcome.ToSource(subject.Text) : null;
    }
}
