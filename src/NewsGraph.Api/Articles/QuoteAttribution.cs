namespace NewsGraph.Api.Articles;

/// <summary>
/// How a quote's speaker was found: the rule of the importer's attribution sieve that matched, an editor's
/// choice, or none. Stored by value: only ever appended to.
/// </summary>
public enum QuoteAttribution
{
    /// <summary>No rule found a speaker; the quote says why (<see cref="Quote.UnattributedReason"/>).</summary>
    Unattributed = 0,

    /// <summary>The speaker's full name beside the quote: <c>said Michael O'Donnell, a …</c>.</summary>
    Name = 1,

    /// <summary>A surname beside the quote, of a name written in either order: <c>Kim said</c> for Sung Kim.</summary>
    Surname = 2,

    /// <summary><c>he said</c>: the most recent fitting person of the paragraph and the one before.</summary>
    Pronoun = 3,

    /// <summary><c>the minister said</c>: the most recent person the description fits.</summary>
    Description = 4,

    /// <summary>A partial quote inside a sentence whose subject is the speaker: <c>X called it "…"</c>.</summary>
    SentenceSubject = 5,

    /// <summary>The quote goes on with the turn of the quote (or the speaker) just before it.</summary>
    Continuation = 6,

    /// <summary>No person: an organisation, document, statement or anonymous source (<see cref="Quote.Source"/>).</summary>
    Source = 7,

    /// <summary>Set by an editor.</summary>
    Editor = 8,
}
