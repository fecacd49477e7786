using System.Text;

namespace NewsGraph.Api.Articles;

public static class Slug
{
    /// <summary>
    /// A URL name from a title: lower case letters and digits joined by single hyphens, with the dots
    /// and apostrophes of abbreviations dropped (<c>U.S. space ... S. Korea's</c> → <c>us-space-...-s-koreas</c>).
    /// </summary>
    public static string From(string text, int maxLength = 200)
    {
        var slug = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                    slug.Append('-');
                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (c is '.' or '\'' or '\u2019')
            {
                continue;
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                pendingHyphen = true;
            }
            if (slug.Length >= maxLength)
                break;
        }
        return slug.ToString().TrimEnd('-');
    }
}
