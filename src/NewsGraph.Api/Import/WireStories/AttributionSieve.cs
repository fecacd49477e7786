namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Finds who said a quote by trying rules in order, most certain first (a sieve, as in Muzny et al. 2017,
/// "A Two-stage Sieve Approach for Quote Attribution"): the first rule that applies decides. A reference that
/// fits several people decides too, for no one: an ambiguous quote gets no speaker and the reason, never a guess.
/// </summary>
internal static class AttributionSieve
{
    /// <summary>The rules, in the order they are tried.</summary>
    public static readonly IReadOnlyList<IAttributionRule> Rules =
    [
        new NameBesideRule(),
        new SurnameBesideRule(),
        new PronounBesideRule(),
        new DescriptionBesideRule(),
        new SourceBesideRule(),
        new SentenceSubjectRule(),
        new ContinuationRule(),
    ];

    public static AttributionOutcome Attribute(QuoteContext quote, PersonMentions mentions)
    {
        foreach (var rule in Rules)
        {
            if (rule.Apply(quote, mentions) is { } outcome)
                return outcome;
        }
        return AttributionOutcome.NoOne(quote.Beside is { } phrase
            ? $"\u201C{phrase.Text}\u201D is no one the story introduces."
            : "No speaker is named beside the quote, and it goes on from no one's words.");
    }
}
