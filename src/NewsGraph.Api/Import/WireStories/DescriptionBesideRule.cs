using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>Rule 4: "the minister said", "the U.S. envoy added": the most recent person the role fits.</summary>
internal sealed class DescriptionBesideRule : IAttributionRule
{
    public AttributionOutcome? Apply(QuoteContext quote, PersonMentions mentions)
    {
        if (quote.Beside is not { } phrase || !SpeakerReferences.IsDescription(phrase))
            return null;
        return AttributionOutcome.Of(QuoteAttribution.Description, mentions.ByRole(phrase.HeadNoun!, phrase.Text, phrase.Paragraph, phrase.Offset, quote.Turn?.Speaker, phrase.Modifiers))
               ?? AttributionOutcome.NoOne($"\u201C{phrase.Text}\u201D fits no one the story names before it.");
    }
}
