namespace NewsGraph.GraphQL.Search;

/// <summary>
/// Reads the search language: words (all must match), <c>"exact phrases"</c>, <c>-excluded</c> words
/// or phrases, <c>prefix*</c>, and <c>OR</c> between terms (binding tighter than the implicit AND, as
/// web search engines do: <c>tariff steel OR aluminum</c> is tariff and either metal). Words the
/// caller ignores (common words such as "the") are left out; a term with no letter or digit cannot
/// match and is left out too. Control characters (NUL among them, which neither database can match)
/// separate terms as spaces do. What cannot be read is a <see cref="SearchQueryError"/> with its position.
/// </summary>
public static class SearchQueryParser
{
    public const int MaxTerms = 16;
    public const int MinPrefixLength = 3;

    public static SearchQuery Parse(string text, Func<string, bool>? ignored = null)
    {
        var clauses = new List<SearchClause>();
        var exclusions = new List<SearchTerm>();
        List<SearchTerm>? current = null;
        var orPending = -1;
        var count = 0;
        foreach (var token in Tokens(text))
        {
            if (token.IsOr)
            {
                if (current is null || orPending >= 0)
                    throw new SearchQueryError("OR needs a term on each side.", token.Term.Position);
                orPending = token.Term.Position;
                continue;
            }
            if (++count > MaxTerms)
                throw new SearchQueryError($"A search takes at most {MaxTerms} terms.", token.Term.Position);
            if (token.Excluded)
            {
                if (orPending >= 0)
                    throw new SearchQueryError("An excluded term cannot be one of the alternatives of OR.", token.Term.Position - 1);
                exclusions.Add(token.Term);
                continue;
            }
            if (orPending >= 0)
                current!.Add(token.Term);
            else
                clauses.Add(new SearchClause(current = [token.Term]));
            orPending = -1;
        }
        if (orPending >= 0)
            throw new SearchQueryError("OR needs a term on each side.", orPending);
        return Simplify(text, clauses, exclusions, ignored);
    }

    private static SearchQuery Simplify(string text, List<SearchClause> clauses, List<SearchTerm> exclusions, Func<string, bool>? ignored)
    {
        bool Matters(SearchTerm term)
        {
            var words = Words(term.Text);
            return words.Count > 0 && (term.Kind == SearchTermKind.Prefix || ignored is null || !words.All(ignored));
        }

        // A clause keeps the alternatives that matter, and goes when none does.
        var kept = clauses.Select(c => c.Alternatives.Where(Matters).ToList())
            .Where(alternatives => alternatives.Count > 0)
            .Select(alternatives => new SearchClause(alternatives))
            .ToList();
        if (kept.Count == 0)
            throw new SearchQueryError("The search has no word to look for (common words such as \"the\" are left out).", 0);
        return new SearchQuery(text, kept, [.. exclusions.Where(Matters)]);
    }

    /// <summary>The runs of letters and digits in <paramref name="text"/>, lower-cased.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    private readonly record struct Token(SearchTerm Term, bool Excluded, bool IsOr);

    private static IEnumerable<Token> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (IsSeparator(text[i]))
            {
                i++;
                continue;
            }
            var excluded = text[i] == '-';
            if (excluded && (i + 1 == text.Length || IsSeparator(text[i + 1])))
                throw new SearchQueryError("Put the term to leave out right after the minus sign.", i);
            var start = excluded ? i + 1 : i;
            if (text[start] == '"')
            {
                var close = text.IndexOf('"', start + 1);
                if (close < 0)
                    throw new SearchQueryError("This phrase has no closing quote.", start);
                var phrase = string.Join(' ', SeparatedParts(text[(start + 1)..close]));
                if (Words(phrase).Count == 0)
                    throw new SearchQueryError("This phrase has no words.", start);
                yield return new Token(new SearchTerm(phrase, SearchTermKind.Phrase, start), excluded, IsOr: false);
                i = close + 1;
                continue;
            }
            var end = start;
            while (end < text.Length && !IsSeparator(text[end]) && text[end] != '"')
                end++;
            i = end;
            var word = text[start..end];
            if (!excluded && word == "OR")
            {
                yield return new Token(new SearchTerm(word, SearchTermKind.Word, start), false, IsOr: true);
                continue;
            }
            yield return new Token(Term(word, start), excluded, IsOr: false);
        }
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    private static IEnumerable<string> SeparatedParts(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var separator = i == text.Length || IsSeparator(text[i]);
            if (!separator && start < 0)
                start = i;
            else if (separator && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static SearchTerm Term(string word, int position)
    {
        var star = word.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
            return new SearchTerm(word, SearchTermKind.Word, position);
        if (star != word.Length - 1)
            throw new SearchQueryError("A * may only end a word, to find the words that start with it.", position + star);
        var prefix = word[..^1];
        if (prefix.Length < MinPrefixLength || !prefix.All(char.IsLetterOrDigit))
            throw new SearchQueryError($"A prefix needs {MinPrefixLength} or more letters or digits and nothing else before its *.", position);
        return new SearchTerm(prefix, SearchTermKind.Prefix, position);
    }
}
