using System.Collections.Frozen;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// The words a quote is given to, as written ("Kim", "the minister", "he", "the ministry in a statement"),
/// and where they stand in their paragraph.
/// </summary>
internal sealed record SpeakerPhrase(string Text, int Paragraph, int Offset)
{
    private static readonly FrozenSet<string> Determiners = FrozenSet.Create(StringComparer.Ordinal, "the", "The", "this", "This", "that", "That");

    private static readonly FrozenSet<string> Indefinites = FrozenSet.Create(
        StringComparer.Ordinal, "a", "A", "an", "An", "one", "One", "another", "Another", "some", "Some", "several", "Several", "two", "Two", "three", "Three");

    private static readonly FrozenSet<string> Prepositions = FrozenSet.Create(
        StringComparer.Ordinal, "in", "on", "at", "of", "for", "with", "during", "from", "to", "after", "before", "who", "which", "that", "under", "via");

    /// <summary>Nouns for bodies, documents and media, not people: "the ministry said" gives the words to no one named.</summary>
    private static readonly FrozenSet<string> Institutions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "ministry", "government", "office", "agency", "command", "military", "committee", "council", "party", "report",
        "statement", "company", "firm", "embassy", "university", "institute", "administration", "department", "bank",
        "court", "police", "army", "navy", "service", "parliament", "assembly", "union", "regime", "country", "nation",
        "state", "media", "newspaper", "organization", "organisation", "group", "alliance", "source", "sources", "survey",
        "poll", "study", "center", "board", "authority", "data", "document", "documents", "letter", "release", "notice",
        "announcement", "commentary", "editorial", "article", "broadcaster", "station", "website", "post", "cabinet",
        "presidency", "headquarters", "secretariat", "federation", "association", "commission", "team", "club", "club's",
        "airline", "carrier", "automaker", "chipmaker", "maker", "manufacturer", "operator", "provider", "retailer",
        "lender", "exchange", "market", "court's", "prosecution", "prosecutors", "watchdog", "regulator", "union's", "spokespeople");

    /// <summary>"the general" is a description; "the ministry" is a body.</summary>
    public bool StartsWithDeterminer => Words.Length > 1 && Determiners.Contains(Words[0]);

    public string[] Words { get; } = Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsPronoun => Words is [var word] && PersonMentions.IsPronoun(word);

    /// <summary>"commander" in "the U.S. commander"; the head noun ends where a preposition or clause starts.</summary>
    public string? HeadNoun
        => Words.Skip(StartsWithDeterminer || IsIndefinite ? 1 : 0).TakeWhile(w => !Prepositions.Contains(w)).LastOrDefault()?.TrimEnd('.', ',');

    /// <summary>"an industry official", "officials", "a source": someone the story does not name.</summary>
    public bool IsIndefinite => Words.Length > 1 && Indefinites.Contains(Words[0]);

    /// <summary>A body, a document or the media, by its head noun or its own name: "the ministry", "KCNA", "Samsung Electronics".</summary>
    public bool IsInstitution
        => HeadNoun is { } noun && (Institutions.Contains(noun) || PersonWords.IsOrganizationWord(noun) || (IsAcronym(noun) && !PersonWords.IsTitleWord(noun)))
           || (!HasPersonRole && Words.Any(PersonWords.IsOrganizationWord));

    /// <summary>A person's role as a description can use it: "minister", "envoy", "CEO".</summary>
    public bool HasPersonRole
        => HeadNoun is { } noun && !Institutions.Contains(noun) && (PersonWords.IsTitleWord(noun.ToLowerInvariant()) || PersonWords.IsAgeNoun(noun));

    /// <summary>Capitalised words before the head noun that narrow a description: "Chinese" in "the Chinese leader".</summary>
    public IReadOnlyList<string> Modifiers
        => [.. Words.Skip(1).TakeWhile(w => w != HeadNoun).Where(w => char.IsUpper(w[0]) && !PersonWords.IsTitleWord(w))];

    /// <summary>Plural people: "officials", "analysts", "experts".</summary>
    public bool IsPlural => HeadNoun is { Length: > 3 } noun && noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal)
                            && char.IsLower(noun[0]);

    /// <summary>Capitalised words that could be a person's name, whom the story has not introduced: "Lee", "Ban Ki-moon".</summary>
    public bool LooksLikeName
        => Words.Length is >= 1 and <= 4 && Words.All(w => PersonWords.IsNameWord(w) || PersonWords.IsHonorific(w) || PersonWords.IsTitleWord(w))
           && Words.Any(PersonWords.IsNameWord);

    private static bool IsAcronym(string word) => word.Length >= 2 && word.All(c => char.IsUpper(c) || c == '.' || c == '-');
}
