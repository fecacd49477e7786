using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Paging;

// The statement is assembled from constants of this class and EF Core's own SQL; every value a caller gives is a parameter.
#pragma warning disable EF1002, EF1003

namespace NewsGraph.Api.Articles;

/// <summary>Which facets a request selected; for people, the most any of their fields asks for.</summary>
public sealed class FacetSelection
{
    public bool Sections { get; set; }
    public bool Months { get; set; }
    public int Bylines { get; set; }
    public int QuotedPeople { get; set; }
}

/// <summary>The selected facets' counts: sections unordered, months newest first, people most stories first.</summary>
public sealed record FacetCounts(List<CountGroup<int>> Sections, List<CountGroup<int>> Months, List<CountGroup<int>> Bylines, List<CountGroup<int>> QuotedPeople);

/// <summary>
/// Every selected facet in one statement (SQLite and PostgreSQL alike): the set's rows are read once
/// into a materialized CTE (for a search, one walk of the index's posting lists instead of one per
/// facet) and each facet is a branch of a UNION ALL over it, tagged with its kind. With people among
/// the facets, <see cref="FacetsInMemory"/> counts instead.
/// </summary>
public static class FacetStatement
{
    private const int SectionKind = 0, MonthKind = 1, BylineKind = 2, QuoteKind = 3;

    public static async Task<FacetCounts> RunAsync(NewsDbContext db, IQueryable<FacetRow> rows, FacetSelection selection, ArticlePeople people, CancellationToken cancellationToken)
    {
        if (selection.Bylines > 0 || selection.QuotedPeople > 0)
            return await FacetsInMemory.RunAsync(db, rows, selection, people, cancellationToken);
        var counts = new FacetCounts([], [], [], []);
        var branches = Branches(selection).ToList();
        if (branches.Count == 0)
            return counts;
        // EF Core writes the set's statement and its parameters; the facets wrap it, and go through EF Core to be logged and traced alike.
        await using DbCommand command = rows.Select(r => new { r.ArticleId, r.SectionId, r.Month }).CreateDbCommand();
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        command.Parameters.Clear();
        var sql = $"WITH m AS MATERIALIZED ({command.CommandText})\n" + string.Join("\nUNION ALL\n", branches);
        foreach (var row in await db.Database.SqlQueryRaw<FacetGroup>(sql, parameters).ToListAsync(cancellationToken))
        {
            var group = new CountGroup<int> { Key = row.Key, Count = (int)row.Count };
            (row.Kind switch { SectionKind => counts.Sections, MonthKind => counts.Months, BylineKind => counts.Bylines, _ => counts.QuotedPeople }).Add(group);
        }
        counts.Months.Sort((a, b) => b.Key.CompareTo(a.Key));
        counts.Bylines.Sort(MostFirst);
        counts.QuotedPeople.Sort(MostFirst);
        return counts;
    }

    private sealed class FacetGroup
    {
        public int Kind { get; set; }
        public int Key { get; set; }
        public long Count { get; set; }
    }

    private static int MostFirst(CountGroup<int> a, CountGroup<int> b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Key.CompareTo(b.Key);

    private static IEnumerable<string> Branches(FacetSelection selection)
    {
        if (selection.Sections)
            yield return $"""SELECT {SectionKind} AS "Kind", m."SectionId" AS "Key", COUNT(*) AS "Count" FROM m GROUP BY m."SectionId" """;
        if (selection.Months)
            yield return $"""SELECT {MonthKind} AS "Kind", m."Month" AS "Key", COUNT(*) AS "Count" FROM m WHERE m."Month" > 0 GROUP BY m."Month" """;
        if (selection.Bylines > 0)
            yield return $"""
                SELECT * FROM (SELECT {BylineKind} AS "Kind", b."PersonId" AS "Key", COUNT(*) AS "Count" FROM "Bylines" b
                    WHERE b."ArticleId" IN (SELECT m."ArticleId" FROM m) GROUP BY b."PersonId" ORDER BY 3 DESC, 2 LIMIT {selection.Bylines}) AS b
                """;
        if (selection.QuotedPeople > 0)
            yield return $"""
                SELECT * FROM (SELECT {QuoteKind} AS "Kind", q."SpeakerId" AS "Key", COUNT(*) AS "Count"
                    FROM (SELECT DISTINCT q."ArticleId", q."SpeakerId" FROM "Quotes" q WHERE q."SpeakerId" IS NOT NULL AND q."ArticleId" IN (SELECT m."ArticleId" FROM m)) AS q
                    GROUP BY q."SpeakerId" ORDER BY 3 DESC, 2 LIMIT {selection.QuotedPeople}) AS q
                """;
    }
}
