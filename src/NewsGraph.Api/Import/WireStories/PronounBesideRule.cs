using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>Rule 3: "he said", "she added": the most recent fitting person of the paragraph and the one before.</summary>
internal sealed class PronounBesideRule : IAttributionRule
{
    public AttributionOutcome? Apply(QuoteContext quote, PersonMentions mentions)
    {
        if (quote.Beside is not { IsPronoun: true } phrase)
            return null;
        return AttributionOutcome.Of(QuoteAttribution.Pronoun, mentions.ByPronoun(phrase.Text, phrase.Paragraph, phrase.Offset, quote.Turn?.Speaker))
               ?? AttributionOutcome.NoOne($"\u201C{phrase.Text}\u201D points to no one the story names before it.");
    }
}
