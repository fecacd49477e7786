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

    public bool IsEmpty => !Sections && !Months && Bylines == 0 && QuotedPeople == 0;

    /// <summary>The facets named by fields of <c>ArticleFacets</c> (<see cref="ArticleFacetsGraphType"/>), each person facet with one person.</summary>
    public static FacetSelection Named(IReadOnlySet<string> fields) => new()
    {
        Sections = fields.Contains("sections"),
        Months = fields.Contains("months"),
        Bylines = fields.Contains("bylines") ? 1 : 0,
        QuotedPeople = fields.Contains("quotedPeople") ? 1 : 0,
    };
}

/// <summary>
/// A set's counts by key, each facet's an array (by section id, month index, person id), before they are grouped:
/// for the facets <see cref="Counted"/> asks for, the others empty.
/// </summary>
public sealed record FacetTallies(FacetSelection Counted, int[] Sections, int[] Months, int[] Bylines, int[] QuotedPeople)
{
    /// <summary>Whether these tallies hold every facet <paramref name="selection"/> asks for.</summary>
    public bool Cover(FacetSelection selection)
        => (!selection.Sections || Counted.Sections) && (!selection.Months || Counted.Months)
           && (selection.Bylines == 0 || Counted.Bylines > 0) && (selection.QuotedPeople == 0 || Counted.QuotedPeople > 0);
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
    /// The text is read as its UTF-8 bytes, not as a string: a common word's is over a megabyte.
    /// </summary>
    public static async Task<FacetRows> ReadAsync(NewsDbContext db, DbCommand command, string value, FacetLayout layout, CancellationToken cancellationToken)
    {
        await using var _ = command;
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        command.Parameters.Clear();
        var postgres = db is PostgresNewsDbContext;
        var list = postgres ? "string_agg(CAST(r.v AS TEXT), ',')" : "group_concat(r.v, ',')";
        var text = $"""CAST((SELECT "Version" FROM "ArticlePeopleVersion") AS TEXT) || ';' || coalesce({list}, '')""";
        var sql = $"""
            SELECT {(postgres ? $"convert_to({text}, 'UTF8')" : $"CAST({text} AS BLOB)")} AS "Value"
            FROM (SELECT {value} AS v FROM ({command.CommandText}) AS m) AS r
            """;
        var bytes = (await db.Database.SqlQueryRaw<byte[]>(sql, parameters).SingleAsync(cancellationToken)).AsSpan();
        var separator = bytes.IndexOf((byte)';');
        return new FacetRows(long.Parse(bytes[..separator], CultureInfo.InvariantCulture), Numbers(bytes[(separator + 1)..]), layout);
    }

    public static async Task<FacetCounts> CountAsync(FacetRows rows, FacetSelection selection, ArticlePeople people, CancellationToken cancellationToken)
    {
        if (selection.IsEmpty)
            return new FacetCounts([], [], [], []);
        return Group(await TallyAsync(rows, selection, people, cancellationToken), selection);
    }

    /// <summary>The counts of <paramref name="rows"/> by key for every facet <paramref name="selection"/> asks for.</summary>
    public static async Task<FacetTallies> TallyAsync(FacetRows rows, FacetSelection selection, ArticlePeople people, CancellationToken cancellationToken)
    {
        var copy = selection.Bylines > 0 || selection.QuotedPeople > 0 ? await people.AtLeastAsync(rows.PeopleVersion).WaitAsync(cancellationToken) : ArticlePeople.Snapshot.Empty;
        return Tally(rows, selection, copy);
    }

    /// <summary>The facets <paramref name="selection"/> asks for, from tallies that <see cref="FacetTallies.Cover"/> it.</summary>
    public static FacetCounts Group(FacetTallies tallies, FacetSelection selection) => new(
        selection.Sections ? Groups(tallies.Sections, newestFirst: false) : [],
        selection.Months ? Groups(tallies.Months, newestFirst: true) : [],
        Top(tallies.Bylines, selection.Bylines),
        Top(tallies.QuotedPeople, selection.QuotedPeople));

    private static FacetTallies Tally(FacetRows rows, FacetSelection selection, ArticlePeople.Snapshot copy)
    {
        var (values, layout) = (rows.Values, rows.Layout);
        var months = selection.Months ? Tally(values, layout.MonthShift, layout.MonthMask, 2048) : [];
        if (months.Length > 0)
            months[0] = 0; // no month: not published
        return new FacetTallies(
            selection,
            selection.Sections ? Tally(values, layout.SectionShift, layout.SectionMask, 256) : [],
            months,
            selection.Bylines > 0 ? copy.Bylines.Count(values, layout.ArticleShift, layout.ArticleMask) : [],
            selection.QuotedPeople > 0 ? copy.Quoted.Count(values, layout.ArticleShift, layout.ArticleMask) : []);
    }

    /// <summary>How many of <paramref name="values"/> hold each key <c>(value >> shift) &amp; mask</c>, by key.</summary>
    private static int[] Tally(long[] values, int shift, long mask, int keys)
    {
        var counts = new int[keys];
        foreach (var value in values)
        {
            var key = (int)((value >> shift) & mask);
            if ((uint)key >= (uint)counts.Length)
                Array.Resize(ref counts, Math.Max(key + 1, counts.Length * 2));
            counts[key]++;
        }
        return counts;
    }

    /// <summary>The comma-separated non-negative numbers of <paramref name="text"/>, read by hand: <c>long.Parse</c> of each cost more than the counting.</summary>
    private static long[] Numbers(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
            return [];
        var numbers = new long[text.Count((byte)',') + 1];
        var count = 0;
        long current = 0;
        foreach (var c in text)
        {
            if (c == ',')
            {
                numbers[count++] = current;
                current = 0;
            }
            else
                current = current * 10 + (c - '0');
        }
        numbers[count] = current;
        return numbers;
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
