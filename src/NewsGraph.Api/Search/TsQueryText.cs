using NewsGraph.GraphQL.Search;

namespace NewsGraph.Api.Search;

/// <summary>
/// A search as the text of PostgreSQL's <c>to_tsquery('english', ...)</c>. Every term is a quoted
/// operand, which PostgreSQL parses and stems as it did the stories (several words become a phrase).
/// </summary>
public static class TsQueryText
{
    public static string Of(SearchQuery query)
        => string.Join(" & ", query.Clauses.Select(Clause).Concat(query.Exclusions.Select(e => "!" + Term(e))));

    /// <summary>The headlines of <paramref name="tier"/>: at least its count of its clauses, and not the tier above.</summary>
    public static string Headline(HeadlineTier tier)
        => tier.Above is null ? AtLeast(tier) : $"({AtLeast(tier)}) & !({AtLeast(tier.Above)})";

    /// <summary>The headlines of <paramref name="tier"/> and every tier above it.</summary>
    public static string AtLeast(HeadlineTier tier)
        => string.Join(" | ", tier.Combinations().Select(c => "(" + string.Join(" & ", c.Select(Clause)) + ")"));

    private static string Clause(SearchClause clause) => "(" + string.Join(" | ", clause.Alternatives.Select(Term)) + ")";

    private static string Term(SearchTerm term)
    {
        // Inside a quoted operand only the quote itself (doubled) and the backslash (an escape) are special.
        var quoted = "'" + term.Text.Replace("\\", " ", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
        return term.Kind == SearchTermKind.Prefix ? quoted + ":*" : quoted;
    }
}
