using System.Collections.Frozen;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Where the body names each person, so that a later "he", "Kim" or "the minister" can be traced back to the
/// person it points to. Mentions are kept with their paragraph and sentence; a reference that two people in the
/// one sentence fit equally is ambiguous and resolves to no one.
/// </summary>
internal sealed class PersonMentions
{
    private static readonly FrozenDictionary<string, char> Pronouns = new Dictionary<string, char>
    {
        ["he"] = 'm', ["He"] = 'm', ["she"] = 'f', ["She"] = 'f',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly IReadOnlyList<NamedPerson> _people;
    private readonly IReadOnlyList<string> _paragraphs;
    private readonly List<Mention> _mentions = [];

    /// <param name="paragraphs">The body, with quoted words blanked out: a name a speaker utters is no mention.</param>
    public PersonMentions(IReadOnlyList<NamedPerson> people, IReadOnlyList<string> paragraphs)
    {
        _people = people;
        _paragraphs = paragraphs;
        foreach (var subject in people.Where(p => p.IsLedeSubject))
            Add(subject, 0, 0);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var named = new List<(int Start, int End)>();
            foreach (var person in people)
            {
                foreach (var offset in PersonText.OffsetsOfWords(paragraphs[i], person.Name))
                {
                    Add(person, i, offset);
                    named.Add((offset, offset + person.Name.Length));
                }
            }
            foreach (var surname in people.SelectMany(p => p.Surnames).Distinct())
            {
                foreach (var offset in PersonText.OffsetsOfWords(paragraphs[i], surname).Where(o => !named.Any(n => o >= n.Start && o < n.End)))
                {
                    if (BySurname(surname, i, offset) is { Person: { } person })
                        Add(person, i, offset);
                }
            }
        }
        LearnGendersFromPossessives();
    }

    /// <summary>"Cho met his counterpart": a sentence that names one person and then says "his" or "her" tells that person's gender.</summary>
    private void LearnGendersFromPossessives()
    {
        foreach (var sentence in _mentions.GroupBy(m => (m.Paragraph, m.Sentence)))
        {
            if (sentence.Select(m => m.Person).Distinct().Count() != 1)
                continue;
            var first = sentence.First();
            var text = _paragraphs[first.Paragraph];
            var end = Sentences.EndAfter(text, first.Offset);
            var rest = text[first.Offset..end];
            var his = rest.Contains(" his ", StringComparison.Ordinal);
            var her = rest.Contains(" her ", StringComparison.Ordinal);
            if (his != her)
                first.Person.LearnGender(his ? 'm' : 'f');
        }
    }

    public static bool IsPronoun(string word) => Pronouns.ContainsKey(word);

    public void Add(NamedPerson person, int paragraph, int offset)
    {
        if (_mentions.Any(m => m.Paragraph == paragraph && m.Offset == offset && m.Person == person))
            return;
        _mentions.Add(new Mention(paragraph, offset, Sentences.StartBefore(_paragraphs[paragraph], offset + 1), person));
        _mentions.Sort((a, b) => a.At.CompareTo(b.At));
    }

    /// <summary>The person whose whole name the phrase holds.</summary>
    public NamedPerson? NamedIn(string phrase) => _people.FirstOrDefault(p => PersonText.OffsetsOfWords(phrase, p.Name).Any());

    /// <summary>Whether the word is the surname of anyone the story names.</summary>
    public bool IsSurname(string word) => _people.Any(p => p.Surnames.Contains(word));

    /// <summary>"Kim", "Minister Suh": the most recent person of that surname; one named nowhere yet is the first of it.</summary>
    public Resolution? BySurname(string surname, int paragraph, int offset, NamedPerson? turn = null)
    {
        var found = MostRecent(paragraph, offset, p => p.Surnames.Contains(surname), $"\u201C{surname}\u201D", turn, window: false);
        return found ?? (_people.FirstOrDefault(p => p.Surnames.Contains(surname)) is { } first ? new Resolution(first, null) : null);
    }

    /// <summary>"he", "she": the most recent fitting person of this paragraph and the one before, else of the story before them.</summary>
    public Resolution? ByPronoun(string pronoun, int paragraph, int offset, NamedPerson? turn = null)
    {
        var gender = Pronouns[pronoun];
        var reference = $"\u201C{pronoun.ToLowerInvariant()}\u201D";
        var found = MostRecent(paragraph, offset, p => p.Fits(gender), reference, turn, window: true, gender)
                    ?? MostRecent(paragraph, offset, p => p.Fits(gender), reference, turn, window: false, gender);
        if (found is { Person: { } person })
            person.LearnGender(gender);
        return found;
    }

    /// <summary>"the minister", "the U.S. envoy": the most recent person the role fits.</summary>
    /// <remarks>Modifiers narrow the people it fits when someone's titles hold them all ("the Chinese leader").</remarks>
    public Resolution? ByRole(string roleNoun, string phrase, int paragraph, int offset, NamedPerson? turn = null, IReadOnlyList<string>? modifiers = null)
    {
        Func<NamedPerson, bool> fits = p => p.Answers(roleNoun);
        if (modifiers is { Count: > 0 } && _people.Any(p => p.Answers(roleNoun) && modifiers.All(p.HasRoleWord)))
            fits = p => p.Answers(roleNoun) && modifiers.All(p.HasRoleWord);
        return MostRecent(paragraph, offset, fits, $"\u201C{phrase}\u201D", turn, window: false);
    }

    /// <summary>
    /// The person of the latest fitting mention before the place; null when none. When the sentence of that mention
    /// names another fitting person too, it is ambiguous, unless one of them holds the turn (spoke just before).
    /// </summary>
    private Resolution? MostRecent(
        int paragraph, int offset, Func<NamedPerson, bool> fits, string reference, NamedPerson? turn, bool window, char? gender = null)
    {
        var at = Position(paragraph, offset);
        var latest = _mentions.LastOrDefault(m => m.At <= at && fits(m.Person) && (!window || m.Paragraph >= paragraph - 1));
        if (latest is null)
            return null;
        var rivals = _mentions
            .Where(m => m.Paragraph == latest.Paragraph && m.Sentence == latest.Sentence && m.At <= at && fits(m.Person))
            .Select(m => m.Person).Distinct().ToList();
        if (rivals.Count == 1)
            return new Resolution(latest.Person, null);
        if (turn is not null && rivals.Contains(turn))
            return new Resolution(turn, null);
        // "she" after a sentence naming a spokeswoman and two people of unknown gender: the one known to fit.
        if (gender is not null && rivals.Where(r => r.Gender == gender).ToList() is [var known])
            return new Resolution(known, null);
        return new Resolution(null, $"{reference} could be {string.Join(" or ", rivals.Select(r => r.Name))}, named in the same sentence.");
    }

    private static long Position(int paragraph, int offset) => ((long)paragraph << 32) | (uint)offset;

    private sealed record Mention(int Paragraph, int Offset, int Sentence, NamedPerson Person)
    {
        public long At => Position(Paragraph, Offset);
    }
}
