using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>Sentence boundaries in wire copy, which is full of abbreviations ("Gen.", "U.S.", "Nov.").</summary>
internal static partial class Sentences
{
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.Create(
        StringComparer.Ordinal,
        "Gen.", "Lt.", "Col.", "Maj.", "Brig.", "Adm.", "Capt.", "Sgt.", "Cmdr.", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.",
        "Sen.", "Rep.", "Gov.", "Amb.", "St.", "Jr.", "Sr.", "No.", "Co.", "Corp.", "Inc.", "Ltd.", "Mt.", "vs.",
        "Jan.", "Feb.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.");

    /// <summary>Whether a word ending in a period is an abbreviation or initials rather than a sentence's last word.</summary>
    public static bool IsAbbreviation(string word) => Abbreviations.Contains(word) || Initials().IsMatch(word);

    /// <summary>Where the sentence holding the character before <paramref name="index"/> starts.</summary>
    public static int StartBefore(string text, int index)
    {
        for (var i = Math.Min(index, text.Length) - 1; i >= 0; i--)
        {
            if (IsSentenceEnd(text, i))
                return SkipClosers(text, i + 1);
        }
        return 0;
    }

    /// <summary>Where the sentence holding the character at <paramref name="index"/> ends (exclusive).</summary>
    public static int EndAfter(string text, int index)
    {
        for (var i = Math.Max(index, 0); i < text.Length; i++)
        {
            if (IsSentenceEnd(text, i))
                return i + 1;
        }
        return text.Length;
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        if (text[i] is not ('.' or '?' or '!'))
            return false;
        var next = SkipClosers(text, i + 1);
        if (next < text.Length && !char.IsWhiteSpace(text[next]))
            return false;
        return text[i] != '.' || !IsAbbreviation(WordEndingAt(text, i));
    }

    private static int SkipClosers(string text, int i)
    {
        while (i < text.Length && text[i] is '"' or '\u201D' or ')')
            i++;
        return i;
    }

    private static string WordEndingAt(string text, int end)
    {
        var start = end;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            start--;
        return text[start..(end + 1)].TrimStart('"', '\u201C', '(');
    }

    [GeneratedRegex(@"^(?:[A-Za-z]\.)+$")]
    private static partial Regex Initials();
}
