namespace NewsGraph.Api.Import.WireStories;

/// <summary>One rule of the attribution sieve: an outcome when it applies to the quote, null to leave it to the next rule.</summary>
internal interface IAttributionRule
{
    AttributionOutcome? Apply(QuoteContext quote, PersonMentions mentions);
}
