using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Reads a photo caption: a block that ends with a credit in parentheses ("(Yonhap)", "(AFP-Yonhap)"),
/// perhaps after rights notes ("(PHOTO NOT FOR SALE)").
/// </summary>
internal static partial class PhotoCaption
{
    private static readonly FrozenSet<string> Agencies = FrozenSet.Create(
        StringComparer.Ordinal, "Yonhap", "AFP", "AP", "EPA", "Reuters", "Xinhua", "Kyodo", "KCNA", "UPI", "Newsis", "Getty", "Bloomberg", "Jiji", "TASS", "ANSA", "dpa", "Sputnik");

    /// <summary>Words after which a provider's name has ended ("released by KCNA on Oct. 10").</summary>
    private static readonly FrozenSet<string> ProviderEnds = FrozenSet.Create(
        StringComparer.Ordinal,
        "on", "in", "at", "to", "during", "with", "from", "after", "before", "as", "which", "that", "who", "while",
        "when", "shows", "showing", "show", "is", "are", "was", "were", "via", "near", "amid", "following",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    private static readonly FrozenSet<string> ProviderTrailers = FrozenSet.Create(StringComparer.Ordinal, "of", "for", "and", "the");

    /// <summary>The image, or null when the block is a body paragraph.</summary>
    public static ParsedStory.ImageFacts? TryRead(string block)
    {
        var caption = block.TrimEnd();
        var trailing = new List<string>();
        for (var match = TrailingParenthesis().Match(caption); match.Success && trailing.Count < 5; match = TrailingParenthesis().Match(caption))
        {
            var text = match.Groups["text"].Value.Trim();
            if (!(trailing.Count == 0 ? IsCredit(text) : IsRightsNote(text) || IsPool(text) || IsCredit(text)))
                break;
            trailing.Insert(0, text);
            caption = caption[..match.Index].TrimEnd();
        }
        if (trailing.Count == 0 || caption.Length == 0)
            return null;
        var credit = trailing[^1];
        var notes = trailing[..^1].Where(IsRightsNote).ToList();
        var pool = trailing[..^1].Any(IsPool) || IsPool(credit);
        return new ParsedStory.ImageFacts(
            caption,
            credit,
            ProviderIn(caption) ?? (pool && !IsPool(credit) ? "Pool" : null),
            notes.Count > 0 ? string.Join(", ", notes) : null,
            FilePhoto().IsMatch(caption),
            TakenOn(caption));
    }

    /// <summary><c>Yonhap</c>, <c>AFP-Yonhap</c>, <c>Pool photo</c>, <c>Yonhap photo</c>.</summary>
    private static bool IsCredit(string text) => (text.Length <= 40 && IsAgencyCredit(text) && CreditShape().IsMatch(text)) || IsPool(text);

    private static bool IsPool(string text) => PoolCredit().IsMatch(text);

    private static bool IsRightsNote(string text) => RightsNote().IsMatch(text);

    private static bool IsAgencyCredit(string credit) => credit.Split('-', '/', ' ').Any(part => Agencies.Contains(part.Trim()));

    /// <summary>The noun phrase after "provided by", "released by" or "courtesy of", without its article.</summary>
    private static string? ProviderIn(string caption)
    {
        var match = ProviderIntroduction().Match(caption);
        if (!match.Success)
            return null;
        var words = new List<string>();
        foreach (var token in caption[(match.Index + match.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = token.TrimEnd(',', ';', ':', ')', '"', '\u201D');
            var endsHere = word.Length < token.Length;
            if (word.EndsWith('.') && !Sentences.IsAbbreviation(word))
            {
                word = word[..^1];
                endsHere = true;
            }
            if (ProviderEnds.Contains(word) || word.Length == 0 || char.IsDigit(word[0]))
                break;
            words.Add(word);
            if (endsHere)
                break;
        }
        while (words.Count > 0 && ProviderTrailers.Contains(words[^1]))
            words.RemoveAt(words.Count - 1);
        return words.Any(w => char.IsUpper(w[0])) ? string.Join(' ', words) : null;
    }

    private static DateOnly? TakenOn(string caption)
    {
        var match = FullDate().Match(caption);
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        return WireMonths.DateOf(year, match.Groups["month"].Value, day);
    }

    [GeneratedRegex(@"\s*\((?<text>[^()]+)\)$")]
    private static partial Regex TrailingParenthesis();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z /-]{0,40}$")]
    private static partial Regex CreditShape();

    [GeneratedRegex(@"^(?:[A-Z][A-Z ,.'/-]*[A-Z]|[Ff]or [Uu]se [Oo]nly.*|[Nn]ot [Ff]or [Ss]ale.*|[Ee]ditorial [Uu]se [Oo]nly.*)$")]
    private static partial Regex RightsNote();

    [GeneratedRegex(@"^(?:[Pp]ool [Pp]hotos?|POOL PHOTO|[Pp]ool)(?:[-/ ](?:Yonhap|AP|AFP|Reuters|EPA))?$")]
    private static partial Regex PoolCredit();

    [GeneratedRegex(@"\b(?:(?:provided|released) by|courtesy of) (?:the )?")]
    private static partial Regex ProviderIntroduction();

    [GeneratedRegex(@"\bfile photo\b", RegexOptions.IgnoreCase)]
    private static partial Regex FilePhoto();

    [GeneratedRegex(@"\bon (?<month>" + WireMonths.Pattern + @") (?<day>\d{1,2}), (?<year>\d{4})\b")]
    private static partial Regex FullDate();
}
