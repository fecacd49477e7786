using NewsGraph.GraphQL.Search;

namespace NewsGraph.Api.Search;

/// <summary>
/// A search as the text of PostgreSQL's <c>to_tsquery('english', ...)</c>. Every term is a quoted
/// operand, which PostgreSQL parses and stems as it did the stories (several words become a phrase).
/// </summary>
public static class TsQueryText
{
    public static string Of(SearchQuery query)
    {
        var parts = query.Clauses.Select(c => c.Alternatives.Count == 1 ? Term(c.Alternatives[0]) : $"({string.Join(" | ", c.Alternatives.Select(Term))})")
            .Concat(query.Exclusions.Select(e => "!" + Term(e)));
        return string.Join(" & ", parts);
    }

    /// <summary>Any of the query's terms: the headlines that hold one rank first.</summary>
    public static string AnyTerm(SearchQuery query) => string.Join(" | ", query.PositiveTerms.Select(Term).Distinct());

    private static string Term(SearchTerm term)
    {
        // Inside a quoted operand only the quote itself (doubled) and the backslash (an escape) are special.
        var quoted = "'" + term.Text.Replace("\\", " ", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
        return term.Kind == SearchTermKind.Prefix ? quoted + ":*" : quoted;
    }
}
