namespace NewsGraph.Api.Import.WireStories;

/// <summary>Someone a story names, with every title and role the story gives them.</summary>
internal sealed class NamedPerson(string name)
{
    private static readonly Dictionary<string, string> SameRole = new(StringComparer.Ordinal)
    {
        ["spokesman"] = "spokesperson",
        ["spokeswoman"] = "spokesperson",
        ["assemblyman"] = "lawmaker",
        ["assemblywoman"] = "lawmaker",
        ["congressman"] = "lawmaker",
        ["congresswoman"] = "lawmaker",
        ["envoy"] = "ambassador",
        ["head"] = "chief",
        ["chairwoman"] = "chairman",
        ["chairperson"] = "chairman",
        ["chair"] = "chairman",
        ["advisor"] = "adviser",
    };

    private readonly List<string> _titles = [];
    private readonly HashSet<string> _roleWords = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary>
    /// Both ends of the name, since either may be the surname: "Kim" and "Sung" for Sung Kim, "Palermo"
    /// for Enrico Palermo, "Kim" for Kim Yong-hyun.
    /// </summary>
    public IReadOnlyList<string> Surnames { get; } = PersonWords.PossibleSurnamesOf(name);

    public string? Organization { get; private set; }

    /// <summary>'m' or 'f' once the story tells (a title, Mr./Ms., a pronoun that can be no one else); null before.</summary>
    public char? Gender { get; private set; }

    /// <summary>Whom the story's first paragraph is about without naming them ("The chief of the … Command called …").</summary>
    public bool IsLedeSubject { get; private set; }

    /// <summary>The longest title the story gives; a bare honorific only when it gives no other.</summary>
    public string? Title
        => _titles.Where(t => !PersonWords.IsBareHonorific(t)).MaxBy(t => t.Length) ?? _titles.FirstOrDefault();

    public void AddTitle(string title)
    {
        if (!_titles.Contains(title))
            _titles.Add(title);
        AddRoleWords(title);
        Gender ??= PersonWords.GenderOf(title);
    }

    /// <summary>Keeps the first organization the story states.</summary>
    public void StateOrganization(string organization)
    {
        Organization ??= organization;
        AddRoleWords(organization);
    }

    public void BeLedeSubject(string role, string? organization)
    {
        IsLedeSubject = true;
        AddTitle(role);
        if (organization is not null)
            StateOrganization(organization);
    }

    public void LearnGender(char gender) => Gender ??= gender;

    public bool Fits(char? gender) => gender is null || Gender is null || Gender == gender;

    /// <summary>
    /// Whether "the <paramref name="roleNoun"/>" can point back to this person: "the general" to a Gen.,
    /// "the minister" to a Defense Minister, "the commander" to the chief of a Command.
    /// </summary>
    public bool Answers(string roleNoun)
    {
        var noun = Canonical(roleNoun.ToLowerInvariant());
        if (PersonWords.IsAgeNoun(noun))
            return true;
        if (GenericRoles.TryGetValue(noun, out var roles) && _roleWords.Any(roles.Contains))
            return true;
        return _roleWords.Any(word => word == noun || (word.Length >= 5 && noun.StartsWith(word, StringComparison.Ordinal)));
    }

    /// <summary>Whether the story's titles for this person hold the word: "Chinese" in "Chinese President".</summary>
    public bool HasRoleWord(string word) => _roleWords.Contains(Canonical(word.TrimEnd('.').ToLowerInvariant()));

    /// <summary>Nouns that stand for several titles: "the Chinese leader" is a president, "the diplomat" an ambassador.</summary>
    private static readonly Dictionary<string, HashSet<string>> GenericRoles = new(StringComparer.Ordinal)
    {
        ["leader"] = ["president", "premier", "chairman", "chancellor", "king", "queen", "emperor", "prime"],
        ["diplomat"] = ["ambassador", "minister", "secretary", "consul", "negotiator"],
        ["official"] = ["minister", "secretary", "spokesperson", "director", "administrator", "commissioner", "deputy", "vice", "chief"],
        ["executive"] = ["ceo", "chairman", "president", "chief", "director", "officer"],
        ["politician"] = ["lawmaker", "senator", "leader", "chairman", "representative", "governor", "mayor"],
    };

    private void AddRoleWords(string phrase)
    {
        foreach (var word in PersonWords.RoleWordsOf(phrase))
            _roleWords.Add(Canonical(word));
    }

    private static string Canonical(string word) => SameRole.GetValueOrDefault(word, word);
}
