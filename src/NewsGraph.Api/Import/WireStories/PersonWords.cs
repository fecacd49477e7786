using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>The words wire copy builds people's names and titles from.</summary>
internal static partial class PersonWords
{
    /// <summary>Honorifics and the role noun a later "the …" uses for them ("Gen." → "the general").</summary>
    private static readonly FrozenDictionary<string, string?> Honorifics = new Dictionary<string, string?>
    {
        ["Gen."] = "general", ["Lt."] = "lieutenant", ["Col."] = "colonel", ["Maj."] = "major", ["Brig."] = "general",
        ["Adm."] = "admiral", ["Capt."] = "captain", ["Sgt."] = "sergeant", ["Cmdr."] = "commander",
        ["Sen."] = "senator", ["Rep."] = "lawmaker", ["Gov."] = "governor", ["Amb."] = "ambassador",
        ["Dr."] = "doctor", ["Prof."] = "professor", ["Mr."] = null, ["Ms."] = null, ["Mrs."] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TitleNouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "president", "minister", "chief", "secretary", "ambassador", "commander", "director", "chairman", "chairwoman",
        "chairperson", "spokesperson", "spokesman", "spokeswoman", "envoy", "representative", "leader", "governor",
        "mayor", "professor", "ceo", "officer", "administrator", "adviser", "advisor", "head", "premier", "chancellor",
        "lawmaker", "analyst", "researcher", "speaker", "judge", "prosecutor", "coach", "negotiator", "official",
        "diplomat", "general", "senator", "fellow", "executive", "dean", "economist", "envoy", "commissioner",
        "vice", "deputy", "manager", "founder", "partner", "scholar", "expert", "strategist", "lawyer", "attorney",
        "spokespeople", "curator", "conductor", "filmmaker", "novelist", "author", "actor", "actress", "singer",
        "player", "captain", "colonel", "admiral", "lieutenant", "sergeant", "superintendent", "commissioner",
        "governor-general", "chairwoman", "assemblyman", "assemblywoman", "congressman", "congresswoman", "mayor");

    private static readonly FrozenSet<string> OrganizationNouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Ministry", "Command", "Office", "Agency", "University", "Institute", "Center", "Centre", "Party", "Council",
        "Committee", "Commission", "Bank", "Group", "Corp.", "Co.", "Inc.", "Ltd.", "Service", "Administration",
        "Department", "Forces", "Force", "Association", "Foundation", "Embassy", "Assembly", "Court", "Army", "Navy",
        "Board", "Authority", "Federation", "Union", "Company", "Organization", "Electronics", "Motor", "Motors",
        "Holdings", "Securities", "Airlines", "Telecom", "Chemical", "Industries", "Steel", "Energy", "Entertainment",
        "Pharmaceutical", "Pharmaceuticals", "Biologics", "Capital", "Financial", "Insurance", "Construction",
        "Shipbuilding", "Heavy", "Networks", "Systems", "Technologies", "Technology", "Studios", "Pictures", "Hospital",
        "School", "College", "Church", "Museum", "Gallery", "Orchestra", "Club", "Times", "Herald", "Daily", "Post",
        "Journal", "News", "Press", "Network", "Broadcasting", "Cabinet", "Secretariat", "Ministry's", "Council's",
        "Police", "Guard", "Corps", "Fleet", "Unit", "Division", "Brigade", "Battalion", "Regiment", "Station");

    /// <summary>Capitalized words that start sentences or name places, events and offices, never a person.</summary>
    private static readonly FrozenSet<string> NeverNames = FrozenSet.Create(
        StringComparer.Ordinal,
        "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "Of", "For", "To", "And", "But", "Then",
        "When", "While", "After", "Before", "Also", "Meanwhile", "However", "It", "He", "She", "They", "We", "I", "If",
        "As", "So", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
        "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Korea", "Korean", "Koreas", "Seoul", "Pyongyang", "Washington", "Tokyo", "Beijing", "China", "Chinese",
        "Japan", "Japanese", "American", "States", "United", "Nations", "Peninsula", "Republic", "North", "South",
        "East", "West", "Space", "Operations", "Affairs", "Defense", "Security", "Foreign", "Unification", "National",
        "Symposium", "Conference", "Forum", "Summit", "Program", "Project", "Plan", "Day", "Week", "Games", "Olympics",
        "Cup", "Festival", "Expo", "Awards", "Fund", "Index", "Act", "Law", "Treaty", "Agreement", "Accord",
        "Initiative", "Strategy", "Policy", "Report", "Studies", "Research", "Development", "Exercise", "Drills");

    private static readonly FrozenSet<string> SentenceOpeners = FrozenSet.Create(
        StringComparer.Ordinal,
        "The", "A", "An", "This", "That", "Then", "But", "And", "Also", "Meanwhile", "However", "On", "In", "At",
        "When", "While", "After", "Before", "As", "Earlier", "Later", "Still");

    /// <summary>Korean and Chinese surnames, which come first in a name ("Suh Wook" is Mr. Suh).</summary>
    private static readonly FrozenSet<string> SurnamesFirst = FrozenSet.Create(
        StringComparer.Ordinal,
        "Kim", "Lee", "Rhee", "Yi", "Park", "Choi", "Jung", "Chung", "Jeong", "Kang", "Cho", "Jo", "Yoon", "Yun", "Jang", "Chang",
        "Lim", "Im", "Han", "Oh", "Seo", "Suh", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Yu", "Ryu", "Hong",
        "Jeon", "Chun", "Ko", "Koh", "Moon", "Yang", "Son", "Bae", "Baek", "Paik", "Heo", "Hur", "Nam", "Noh", "Roh",
        "Ha", "Kwak", "Sung", "Cha", "Joo", "Woo", "Min", "Na", "Jin", "Yeo", "Choo", "Ban", "Yoh", "Ri", "Pak",
        "Choe", "Um", "Byun", "Shim", "Won", "Bang", "Kong", "Hyun", "Ham", "Do", "Ma", "Gil", "Yeom", "Pyo", "Ki",
        "Wang", "Li", "Zhang", "Liu", "Chen", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Zhu", "Hu", "Guo", "Gao",
        "Lin", "Luo", "Zheng", "Liang", "Xie", "Tang", "Xi", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian",
        "Dong", "Pan", "Yuan", "Cai", "Jiang", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao",
        "Qian", "Fu", "Fang", "Hou", "Qin", "Mao");

    public static bool IsHonorific(string word) => Honorifics.ContainsKey(word);

    /// <summary>A title made of honorifics alone: "Gen.", "Lt. Gen.".</summary>
    public static bool IsBareHonorific(string title) => title.Split(' ').All(IsHonorific);

    /// <summary>A word that makes a run of words a title: "Minister", "spokesperson", "Secretary-General", "Gen.".</summary>
    public static bool IsTitleWord(string word) => IsHonorific(word) || word.Split('-').Any(TitleNouns.Contains);

    public static bool IsOrganizationWord(string word) => OrganizationNouns.Contains(word);

    public static bool IsSentenceOpener(string word) => SentenceOpeners.Contains(word);

    public static bool IsNameWord(string word)
        => NameWord().IsMatch(word) && !NeverNames.Contains(word) && !IsTitleWord(word) && !IsOrganizationWord(word);

    /// <summary>"Kang Soon-ja", "Yi Wonju" is not (its given name has no hyphen): a Korean surname and a hyphenated given name.</summary>
    /// <remarks>
    /// A surname not in the list still makes a name when the given name is two syllables ("Rhee Chang-yong"), unless
    /// the second is an administrative suffix ("Seogwipo-si", "Gangnam-gu").
    /// </remarks>
    public static bool IsKoreanName(string name)
        => name.Split(' ') is [var surname, var given] && given.Contains('-') && IsNameWord(given) && !NeverNames.Contains(surname)
           && (SurnamesFirst.Contains(surname) || (surname.Length <= 5 && given.Split('-') is [{ Length: >= 2 and <= 5 }, { Length: >= 2 and <= 5 } second]
               && !AdministrativeSuffixes.Contains(second)));

    private static readonly FrozenSet<string> AdministrativeSuffixes = FrozenSet.Create(
        StringComparer.Ordinal, "do", "si", "gu", "gun", "eup", "myeon", "dong", "ri", "ro", "gil", "san", "gang", "ho", "seom");

    /// <summary>"15-year-old", "54-year-old": a description that fits anyone of the story.</summary>
    public static bool IsAgeNoun(string word) => AgeNoun().IsMatch(word);

    public static bool IsInitial(string word) => word is [>= 'A' and <= 'Z', '.'];

    /// <summary>"Suh" for "Suh Wook", "Raymond" for "John Raymond".</summary>
    public static string SurnameOf(string name)
    {
        var parts = name.Split(' ');
        // A Korean given name is hyphenated in lower case ("Ja-yeol"); a double-barrelled surname is not ("Smith-Jones").
        return SurnamesFirst.Contains(parts[0]) || (parts.Length > 1 && KoreanGivenName().IsMatch(parts[^1])) ? parts[0] : parts[^1];
    }

    /// <summary>
    /// Both ends of a name when either may be the surname: a Korean or Chinese surname first ("Kim Yong-hyun"),
    /// or a given name first ("Sung Kim", "Enrico Palermo"). The usual one comes first.
    /// </summary>
    public static IReadOnlyList<string> PossibleSurnamesOf(string name)
    {
        var parts = name.Split(' ');
        var usual = SurnameOf(name);
        if (parts.Length < 2)
            return [usual];
        var other = usual == parts[0] ? parts[^1] : parts[0];
        // A hyphenated given name ("Jae-in") or an initial is never called on its own.
        return other.Contains('-') || IsInitial(other) || !(SurnamesFirst.Contains(other) || other == parts[^1]) ? [usual] : [usual, other];
    }

    /// <summary>'f' or 'm' when a title or honorific tells: "spokeswoman", "Ms.", "first lady", "Mr.", "King".</summary>
    public static char? GenderOf(string title)
    {
        var words = title.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();
        if (words.Any(FemaleWords.Contains) || title.Contains("first lady", StringComparison.OrdinalIgnoreCase))
            return 'f';
        return words.Any(MaleWords.Contains) ? 'm' : null;
    }

    private static readonly FrozenSet<string> FemaleWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "ms.", "mrs.", "miss", "spokeswoman", "chairwoman", "congresswoman", "assemblywoman", "businesswoman", "actress",
        "queen", "princess", "empress", "duchess", "madam", "mother", "wife", "daughter", "sister", "grandmother", "widow");

    private static readonly FrozenSet<string> MaleWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "mr.", "spokesman", "congressman", "assemblyman", "businessman", "king", "prince", "emperor", "duke", "father",
        "husband", "son", "brother", "grandfather", "widower");

    /// <summary>The lower-case role words a title or organization lends its holder ("Gen." → "general").</summary>
    public static IEnumerable<string> RoleWordsOf(string phrase)
    {
        foreach (var word in phrase.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Honorifics.TryGetValue(word, out var role))
            {
                if (role is not null)
                    yield return role;
            }
            else
            {
                yield return word.TrimEnd('.').ToLowerInvariant();
            }
        }
    }

    [GeneratedRegex(@"^[A-Z][a-z]+-[a-z]+$")]
    private static partial Regex KoreanGivenName();

    [GeneratedRegex(@"^\d{1,3}-year-old$")]
    private static partial Regex AgeNoun();

    // Capitalized, possibly hyphenated ("Jae-in") or with an inner capital ("McDonald", "O'Brien"), or an initial.
    [GeneratedRegex(@"^(?:[A-Z][a-z]*'?[A-Z]?[a-z]+(?:-[a-z]+)?|[A-Z]\.)$")]
    private static partial Regex NameWord();
}
