using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>What a rule of the sieve decided: a speaker, a source that is no person, or no one and why.</summary>
internal sealed record AttributionOutcome(QuoteAttribution Rule, NamedPerson? Speaker, string? Source, string? Reason)
{
    public static AttributionOutcome To(QuoteAttribution rule, NamedPerson speaker) => new(rule, speaker, null, null);

    public static AttributionOutcome ToSource(string source) => new(QuoteAttribution.Source, null, source, null);

    public static AttributionOutcome NoOne(string reason) => new(QuoteAttribution.Unattributed, null, null, reason);

    /// <summary>A person, or no one with the reason when the reference fits several.</summary>
    public static AttributionOutcome? Of(QuoteAttribution rule, Resolution? resolution)
        => resolution switch
        {
            { Person: { } person } => To(rule, person),
            { Ambiguity: { } ambiguity } => NoOne(ambiguity),
            _ => null,
        };
}
