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
/// A set's stories as one statement read them: a number per story that packs its id, section and month
/// (<see cref="Layout"/>), and the counter of <see cref="ArticlePeople"/> read with them.
/// </summary>
public sealed record FacetRows(long PeopleVersion, long[] Values, FacetLayout Layout);

/// <summary>Where a story's id, section and month sit in a number of <see cref="FacetRows"/>: each is <c>(value >> shift) &amp; mask</c>.</summary>
public sealed record FacetLayout(int ArticleShift, long ArticleMask, int SectionShift, long SectionMask, int MonthShift, long MonthMask)
{
    /// <summary>Story id × 2^32 + section × 2^13 + month: sections below 2^19 and months below 2^13 (the year 2582) fit beside the id.</summary>
    public static readonly FacetLayout Packed = new(32, uint.MaxValue, 13, (1L << 19) - 1, 0, (1L << 13) - 1);
}

/// <summary>
/// Every selected facet from one statement (SQLite and PostgreSQL alike): it reads the set's rows (for a
/// search, one walk of the index's posting lists; the same walk gives the search its <c>totalCount</c>) and
/// the counter of <see cref="ArticlePeople"/>, and the facets are counted here, the people from the
/// in-memory copy of bylines and quotes. In the database, grouping a common word's ~90,000 matches by
/// month cost a sort, and each person facet a probe of Bylines or Quotes per match.
/// </summary>
public static class FacetStatement
{
    /// <summary>The rows of <paramref name="rows"/>, packed in the statement (<see cref="FacetLayout.Packed"/>).</summary>
    public static Task<FacetRows> ReadAsync(NewsDbContext db, IQueryable<FacetRow> rows, CancellationToken cancellationToken)
    {
        var command = rows.Select(r => new { r.ArticleId, r.SectionId, r.Month }).CreateDbCommand();
        var value = $"""CAST(m."ArticleId" AS BIGINT) * 4294967296 + m."SectionId" * 8192 + m."Month" """;
        return ReadAsync(db, command, value, FacetLayout.Packed, cancellationToken);
    }

    /// <summary>
    /// The numbers <paramref name="value"/> (SQL over the columns of <paramref name="command"/>, aliased <c>m</c>)
    /// gives for each of its rows, laid out as <paramref name="layout"/> says. The rows come back as one text
    /// (the counter, then the numbers): read one by one, 90,000 rows cost more than the index walk that finds them.
    /// </summary>
    public static async Task<FacetRows> ReadAsync(NewsDbContext db, DbCommand command, string value, FacetLayout layout, CancellationToken cancellationToken)
    {
        await using var _ = command;
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        command.Parameters.Clear();
        var list = db is PostgresNewsDbContext ? "string_agg(CAST(r.v AS TEXT), ',')" : "group_concat(r.v, ',')";
        var sql = $"""
            SELECT CAST((SELECT "Version" FROM "ArticlePeopleVersion") AS TEXT) || ';' || coalesce({list}, '') AS "Value"
            FROM (SELECT {value} AS v FROM ({command.CommandText}) AS m) AS r
            """;
        var text = await db.Database.SqlQueryRaw<string>(sql, parameters).SingleAsync(cancellationToken);
        var separator = text.IndexOf(';');
        return new FacetRows(long.Parse(text.AsSpan(0, separator), CultureInfo.InvariantCulture), Numbers(text.AsSpan(separator + 1)), layout);
    }

    public static async Task<FacetCounts> CountAsync(FacetRows rows, FacetSelection selection, ArticlePeople people, CancellationToken cancellationToken)
    {
        if (!selection.Sections && !selection.Months && selection.Bylines == 0 && selection.QuotedPeople == 0)
            return new FacetCounts([], [], [], []);
        var copy = selection.Bylines > 0 || selection.QuotedPeople > 0 ? await people.AtLeastAsync(rows.PeopleVersion).WaitAsync(cancellationToken) : ArticlePeople.Snapshot.Empty;
        var layout = rows.Layout;
        var sections = new int[selection.Sections ? 256 : 0];
        var months = new int[selection.Months ? 2048 : 0];
        var bylines = new int[copy.Bylines.MaxPerson + 1];
        var quoted = new int[copy.Quoted.MaxPerson + 1];
        foreach (var value in rows.Values)
        {
            if (selection.Sections)
                Add(ref sections, (int)((value >> layout.SectionShift) & layout.SectionMask));
            if (selection.Months && ((value >> layout.MonthShift) & layout.MonthMask) is var month and > 0)
                Add(ref months, (int)month);
            if (selection.Bylines == 0 && selection.QuotedPeople == 0)
                continue;
            var article = (int)((value >> layout.ArticleShift) & layout.ArticleMask);
            if (selection.Bylines > 0)
                copy.Bylines.CountInto(bylines, article);
            if (selection.QuotedPeople > 0)
                copy.Quoted.CountInto(quoted, article);
        }
        return new FacetCounts(Groups(sections, newestFirst: false), Groups(months, newestFirst: true), Top(bylines, selection.Bylines), Top(quoted, selection.QuotedPeople));
    }

    /// <summary>The comma-separated non-negative numbers of <paramref name="text"/>, read by hand: <c>long.Parse</c> of each cost more than the counting.</summary>
    private static long[] Numbers(ReadOnlySpan<char> text)
    {
        var numbers = new List<long>(text.Length / 12);
        long current = 0;
        var digits = false;
        foreach (var c in text)
        {
            if (c == ',')
            {
                if (digits)
                    numbers.Add(current);
                current = 0;
                digits = false;
            }
            else
            {
                current = current * 10 + (c - '0');
                digits = true;
            }
        }
        if (digits)
            numbers.Add(current);
        return [.. numbers];
    }

    private static void Add(ref int[] counts, int key)
    {
        if (key >= counts.Length)
            Array.Resize(ref counts, Math.Max(key + 1, counts.Length * 2));
        counts[key]++;
    }

    private static List<CountGroup<int>> Groups(int[] counts, bool newestFirst)
    {
        var groups = new List<CountGroup<int>>();
        for (var key = 0; key < counts.Length; key++)
        {
            if (counts[key] > 0)
                groups.Add(new CountGroup<int> { Key = key, Count = counts[key] });
        }
        if (newestFirst)
            groups.Reverse();
        return groups;
    }

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
