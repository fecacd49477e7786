using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Paging;

// The statement is assembled from constants and EF Core's own SQL; every value a caller gives is a parameter.
#pragma warning disable EF1002, EF1003

namespace NewsGraph.Api.Articles;

/// <summary>
/// The selected facets when people are among them: one statement reads the set's rows (story, section,
/// month, packed into one number a row) and the counter of <see cref="ArticlePeople"/>, and everything
/// is counted here, the people from the in-memory copy of bylines and quotes.
/// </summary>
public static class FacetsInMemory
{
    private const long ArticleShift = 1L << 32, SectionShift = 1L << 13;

    public static async Task<FacetCounts> RunAsync(NewsDbContext db, IQueryable<FacetRow> rows, FacetSelection selection, ArticlePeople people, CancellationToken cancellationToken)
    {
        await using DbCommand command = rows.Select(r => new { r.ArticleId, r.SectionId, r.Month }).CreateDbCommand();
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        command.Parameters.Clear();
        // Sections below 2^19 and months below 2^13 (the year 2582) fit beside the story id; the counter's row is negative.
        var sql = $"""
            SELECT CAST(m."ArticleId" AS BIGINT) * {ArticleShift} + m."SectionId" * {SectionShift} + m."Month" AS "Value" FROM ({command.CommandText}) AS m
            UNION ALL {ArticlePeople.VersionSql}
            """;
        var values = await db.Database.SqlQueryRaw<long>(sql, parameters).ToListAsync(cancellationToken);
        var version = -1 - values.Min();
        var copy = selection.Bylines > 0 || selection.QuotedPeople > 0 ? await people.AtLeastAsync(version).WaitAsync(cancellationToken) : null;

        var sections = new Dictionary<int, int>();
        var months = new Dictionary<int, int>();
        var bylines = new int[(copy?.Bylines.MaxPerson ?? 0) + 1];
        var quoted = new int[(copy?.Quoted.MaxPerson ?? 0) + 1];
        foreach (var value in values)
        {
            if (value < 0)
                continue;
            var article = (int)(value / ArticleShift);
            var month = (int)(value % SectionShift);
            if (selection.Sections)
                Add(sections, (int)(value % ArticleShift / SectionShift));
            if (selection.Months && month > 0)
                Add(months, month);
            if (selection.Bylines > 0)
                Add(bylines, copy!.Bylines.Of(article));
            if (selection.QuotedPeople > 0)
                Add(quoted, copy!.Quoted.Of(article));
        }
        return new FacetCounts(Groups(sections), [.. Groups(months).OrderByDescending(g => g.Key)], Top(bylines, selection.Bylines), Top(quoted, selection.QuotedPeople));
    }

    private static void Add(Dictionary<int, int> counts, int key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Add(int[] counts, ReadOnlySpan<int> people)
    {
        foreach (var person in people)
        {
            if (person < counts.Length)
                counts[person]++;
        }
    }

    private static List<CountGroup<int>> Groups(Dictionary<int, int> counts) => [.. counts.Select(c => new CountGroup<int> { Key = c.Key, Count = c.Value })];

    /// <summary>The <paramref name="first"/> people with the most stories, the lower id first among equals.</summary>
    private static List<CountGroup<int>> Top(int[] counts, int first)
    {
        if (first <= 0)
            return [];
        var top = new PriorityQueue<int, (int Count, int Negated)>(first + 1);
        for (var person = 0; person < counts.Length; person++)
        {
            if (counts[person] == 0)
                continue;
            top.Enqueue(person, (counts[person], -person));
            if (top.Count > first)
                top.Dequeue();
        }
        var result = new List<CountGroup<int>>(top.Count);
        while (top.TryDequeue(out var person, out _))
            result.Add(new CountGroup<int> { Key = person, Count = counts[person] });
        result.Reverse();
        return result;
    }
}
