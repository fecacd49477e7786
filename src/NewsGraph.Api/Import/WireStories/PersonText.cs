namespace NewsGraph.Api.Import.WireStories;

/// <summary>Finding whole words of names in text.</summary>
internal static class PersonText
{
    /// <summary>Where <paramref name="words"/> occur in <paramref name="text"/> as whole words.</summary>
    public static IEnumerable<int> OffsetsOfWords(string text, string words)
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
