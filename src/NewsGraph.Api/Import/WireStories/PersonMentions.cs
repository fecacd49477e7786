using System.Collections.Frozen;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Where the body names each person, so that a later "he", "Suh" or "the minister" can be traced back to
/// the most recent person it fits. Positions order paragraph first (<see cref="Position"/>).
/// </summary>
internal sealed class PersonMentions
{
    private static readonly FrozenSet<string> Pronouns = FrozenSet.Create(StringComparer.Ordinal, "he", "He", "she", "She");

    private static readonly FrozenSet<string> Prepositions = FrozenSet.Create(
        StringComparer.Ordinal, "in", "on", "at", "of", "for", "with", "during", "from", "to", "after", "before", "who", "which", "that");

    /// <summary>Nouns for bodies, not people: "the ministry said" attributes words to no one named.</summary>
    private static readonly FrozenSet<string> Institutions = FrozenSet.Create(
        StringComparer.Ordinal,
        "ministry", "government", "office", "agency", "command", "military", "committee", "council", "party", "report",
        "statement", "company", "firm", "embassy", "university", "institute", "administration", "department", "bank",
        "court", "police", "army", "navy", "service", "parliament", "assembly", "union", "regime", "country", "nation",
        "state", "media", "newspaper", "organization", "group", "alliance", "source", "sources", "survey", "poll",
        "study", "center", "board", "authority");

    private readonly IReadOnlyList<NamedPerson> _people;
    private readonly List<Mention> _mentions = [];

    /// <param name="paragraphs">The body, with quoted words blanked out: a name a speaker utters is no mention.</param>
    public PersonMentions(IReadOnlyList<NamedPerson> people, IReadOnlyList<string> paragraphs)
    {
        _people = people;
        foreach (var subject in people.Where(p => p.IsLedeSubject))
            Add(subject, Position(0, 0));
        for (var i = 0; i < paragraphs.Count; i++)
        {
            foreach (var person in people)
            {
                foreach (var offset in OffsetsOfWords(paragraphs[i], person.Name))
                    Add(person, Position(i, offset));
            }
        }
        // Surnames after full names, so a surname two people share goes to the one named last.
        for (var i = 0; i < paragraphs.Count; i++)
        {
            foreach (var surname in people.Select(p => p.Surname).Distinct())
            {
                foreach (var offset in OffsetsOfWords(paragraphs[i], surname))
                    Add(Latest(surname, Position(i, offset)), Position(i, offset));
            }
        }
    }

    private sealed record Mention(long At, NamedPerson Person);

    public static long Position(int paragraph, int offset) => ((long)paragraph << 32) | (uint)offset;

    public void Add(NamedPerson person, long at) => _mentions.Add(new Mention(at, person));

    /// <summary>
    /// The person a speaker phrase at <paramref name="at"/> points to: a name ("Defense Minister Suh Wook"),
    /// a surname ("Suh", "Minister Suh"), a pronoun ("he") or a role ("the general", "the U.S. commander").
    /// Null for anyone else ("officials", "the ministry").
    /// </summary>
    public NamedPerson? Resolve(string speaker, long at)
    {
        var words = speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        if (words is [var pronoun] && Pronouns.Contains(pronoun))
            return MostRecent(at, _ => true);
        if (_people.FirstOrDefault(p => OffsetsOfWords(speaker, p.Name).Any()) is { } named)
            return named;
        if (_people.Any(p => p.Surname == words[^1]))
            return Latest(words[^1], at);
        if (words[0] is "the" or "The" && RoleNoun(words[1..]) is { } noun && !Institutions.Contains(noun))
            return MostRecent(at, p => p.Answers(noun));
        return null;
    }

    private NamedPerson Latest(string surname, long at)
        => MostRecent(at, p => p.Surname == surname) ?? _people.First(p => p.Surname == surname);

    private NamedPerson? MostRecent(long at, Func<NamedPerson, bool> fits)
        => _mentions.Where(m => m.At <= at && fits(m.Person)).MaxBy(m => m.At)?.Person;

    /// <summary>"commander" in "U.S. commander"; the head noun ends where a preposition starts.</summary>
    private static string? RoleNoun(IEnumerable<string> words)
        => words.TakeWhile(w => !Prepositions.Contains(w)).LastOrDefault() is { } noun && char.IsLower(noun[0])
            ? noun.TrimEnd('.', ',')
            : null;

    private static IEnumerable<int> OffsetsOfWords(string text, string words)
    {
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            var end = at + words.Length;
            if ((at == 0 || !IsWordCharacter(text[at - 1])) && (end == text.Length || !IsWordCharacter(text[end])))
                yield return at;
        }
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '-';
}
