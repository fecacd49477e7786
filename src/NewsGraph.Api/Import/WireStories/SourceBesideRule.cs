namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Rule 5: an organisation, a document, a statement or an anonymous source beside the quote ("the ministry said in
/// a statement", "an industry official said"): no person, but the source as written.
/// </summary>
internal sealed class SourceBesideRule : IAttributionRule
{
    public AttributionOutcome? Apply(QuoteContext quote, PersonMentions mentions)
        => quote.Beside is { } phrase && SpeakerReferences.IsSource(phrase) ? AttributionOutcome.ToSource(phrase.Text) : null;
}
