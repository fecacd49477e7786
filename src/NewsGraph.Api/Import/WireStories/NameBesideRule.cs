using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>Rule 1: the full name of someone the story names, beside the quote ("said Michael O'Donnell, a …").</summary>
internal sealed class NameBesideRule : IAttributionRule
{
    public AttributionOutcome? Apply(QuoteContext quote, PersonMentions mentions)
        => quote.Beside is { } phrase && mentions.NamedIn(phrase.Text) is { } person ? AttributionOutcome.To(QuoteAttribution.Name, person) : null;
}
