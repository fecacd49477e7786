using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Rule 7: a quote with no speaker beside it that goes on with the turn before it: the next quote of the same
/// paragraph (<c>"A," Suh said. "B."</c>), or a paragraph that is all quote after a paragraph that quoted or
/// paraphrased someone.
/// </summary>
internal sealed class ContinuationRule : IAttributionRule
{
    public AttributionOutcome? Apply(QuoteContext quote, PersonMentions mentions)
    {
        if (quote.Beside is not null || quote.Subject is not null || quote.Turn is not { } turn || !(turn.Paragraph == quote.Paragraph || (quote.WholeParagraph && turn.Paragraph == quote.Paragraph - 1)))
            return null;
        if (turn.Speaker is { } speaker)
            return AttributionOutcome.To(QuoteAttribution.Continuation, speaker);
        if (turn.Source is { } source)
            return AttributionOutcome.ToSource(source);
        return turn.IsQuote ? AttributionOutcome.NoOne("It goes on from a quote that has no speaker either.") : null;
    }
}
