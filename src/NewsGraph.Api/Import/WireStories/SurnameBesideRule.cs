using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>Rule 2: a surname beside the quote, of a name written in either order ("Kim said" for Sung Kim, "Minister Suh").</summary>
internal sealed class SurnameBesideRule : IAttributionRule
{
    public AttributionOutcome? Apply(QuoteContext quote, PersonMentions mentions)
        => quote.Beside is { } phrase && SpeakerReferences.Surname(phrase, mentions) is { } surname
            ? AttributionOutcome.Of(QuoteAttribution.Surname, mentions.BySurname(surname, phrase.Paragraph, phrase.Offset, quote.Turn?.Speaker))
            : null;
}
