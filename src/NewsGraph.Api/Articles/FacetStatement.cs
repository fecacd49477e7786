using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data.PostgreSql;
using NewsGraph.GraphQL.Paging;

// The statement is assembled from constants and EF Core's own SQL; every value a caller gives is a parameter.
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
/// Every selected facet from one statement (SQLite and PostgreSQL alike): it reads the set's rows (story,
/// section, month, packed into one number a row, all of them in one text; for a search, one walk of the
/// index's posting lists) and the counter of <see cref="ArticlePeople"/>, and the facets are counted here,
/// the people from the in-memory copy of bylines and quotes. In the database, grouping a common word's
/// ~90,000 matches by month cost a sort, and each person facet a probe of Bylines or Quotes per match.
/// </summary>
public static class FacetStatement
{
    private const long ArticleShift = 1L << 32, SectionShift = 1L << 13;

    public static async Task<FacetCounts> RunAsync(NewsDbContext db, IQueryable<FacetRow> rows, FacetSelection selection, ArticlePeople people, CancellationToken cancellationToken)
    {
        if (!selection.Sections && !selection.Months && selection.Bylines == 0 && selection.QuotedPeople == 0)
            return new FacetCounts([], [], [], []);
        await using DbCommand command = rows.Select(r => new { r.ArticleId, r.SectionId, r.Month }).CreateDbCommand();
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        command.Parameters.Clear();
        // Sections below 2^19 and months below 2^13 (the year 2582) fit beside the story id. The rows come back as one
        // text (the counter, then the rows' numbers): read one by one, 90,000 rows cost more than the index walk that finds them.
        var list = db is PostgresNewsDbContext ? "string_agg(CAST(r.v AS TEXT), ',')" : "group_concat(r.v, ',')";
        var sql = $"""
            SELECT CAST((SELECT "Version" FROM "ArticlePeopleVersion") AS TEXT) || ';' || coalesce({list}, '') AS "Value"
            FROM (SELECT CAST(m."ArticleId" AS BIGINT) * {ArticleShift} + m."SectionId" * {SectionShift} + m."Month" AS v FROM ({command.CommandText}) AS m) AS r
            """;
        var text = await db.Database.SqlQueryRaw<string>(sql, parameters).SingleAsync(cancellationToken);
        var values = Numbers(text.AsSpan(text.IndexOf(';') + 1));
        var version = long.Parse(text.AsSpan(0, text.IndexOf(';')), CultureInfo.InvariantCulture);
        var copy = selection.Bylines > 0 || selection.QuotedPeople > 0 ? await people.AtLeastAsync(version).WaitAsync(cancellationToken) : ArticlePeople.Snapshot.Empty;

        var sections = new Dictionary<int, int>();
        var months = new Dictionary<int, int>();
        var bylines = new int[copy.Bylines.MaxPerson + 1];
        var quoted = new int[copy.Quoted.MaxPerson + 1];
        foreach (var value in values)
        {
            var article = (int)(value / ArticleShift);
            var month = (int)(value % SectionShift);
            if (selection.Sections)
                Add(sections, (int)(value % ArticleShift / SectionShift));
            if (selection.Months && month > 0)
                Add(months, month);
            if (selection.Bylines > 0)
                Add(bylines, copy.Bylines.Of(article));
            if (selection.QuotedPeople > 0)
                Add(quoted, copy.Quoted.Of(article));
        }
        return new FacetCounts(Groups(sections), [.. Groups(months).OrderByDescending(g => g.Key)], Top(bylines, selection.Bylines), Top(quoted, selection.QuotedPeople));
    }

    private static List<long> Numbers(ReadOnlySpan<char> text)
    {
        var numbers = new List<long>(text.Length / 12);
        foreach (var range in text.Split(','))
        {
            if (range.End.Value > range.Start.Value)
                numbers.Add(long.Parse(text[range], CultureInfo.InvariantCulture));
        }
        return numbers;
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
