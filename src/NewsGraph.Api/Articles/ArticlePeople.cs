using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Api.Articles;

/// <summary>
/// The people of every story, held in memory for the person facets: whom each story's bylines credit
/// and whom it quotes (each person once a story). Counted in the database, a facet over a common word's
/// ~90,000 matches at 100k stories probed <c>Bylines</c> or <c>Quotes</c> once a match and sorted by person
/// (120-220 ms a kind); here it is a walk of two arrays. The copy is as new as the counter
/// <c>ArticlePeopleVersion</c>, which triggers move on every change to bylines or quoted speakers, by any
/// writer and any instance; the facet statement reads the counter with its rows, and a counter the copy
/// is older than loads a new copy (one load, shared by the requests that wait for it).
/// </summary>
public sealed class ArticlePeople(IDbContextFactory<NewsDbContext> dbFactory)
{
    private const long ArticleShift = 1L << 32;

    private readonly object _gate = new();
    private (long Version, Task<Snapshot> Load)? _latest;

    /// <summary>A copy at least as new as counter value <paramref name="version"/>.</summary>
    public Task<Snapshot> AtLeastAsync(long version)
    {
        lock (_gate)
        {
            if (_latest is { } latest && latest.Version >= version && !latest.Load.IsFaulted && !latest.Load.IsCanceled)
                return latest.Load;
            // Not the caller's token: other requests may wait for the same load.
            var load = Task.Run(() => LoadAsync(version));
            _latest = (version, load);
            return load;
        }
    }

    private async Task<Snapshot> LoadAsync(long version)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var bylines = await Pairs(db, """SELECT "ArticleId" * 4294967296 + "PersonId" AS "Value" FROM "Bylines" """);
        var quoted = await Pairs(db, """SELECT DISTINCT "ArticleId" * 4294967296 + "SpeakerId" AS "Value" FROM "Quotes" WHERE "SpeakerId" IS NOT NULL""");
        return new Snapshot(version, new PersonLists(bylines), new PersonLists(quoted));
    }

    private static Task<List<long>> Pairs(NewsDbContext db, string sql) => db.Database.SqlQueryRaw<long>(sql).ToListAsync();

    /// <summary>The copy as of one value of the counter.</summary>
    public sealed record Snapshot(long Version, PersonLists Bylines, PersonLists Quoted)
    {
        /// <summary>No people: for facets that count none.</summary>
        public static readonly Snapshot Empty = new(-1, new PersonLists([]), new PersonLists([]));
    }

    /// <summary>
    /// Each story's people, by story id, as one number a story: its person's id when it has one (most have one byline,
    /// and counting a common word's ~90,000 matches is then one read a match, not three), -1 when none, else
    /// -(2 + where its list starts in <c>_lists</c>: the count, then the people).
    /// </summary>
    public sealed class PersonLists
    {
        private readonly int[] _entry;
        private readonly int[] _lists;

        /// <param name="pairs">(story id × 2^32 + person id), in any order.</param>
        public PersonLists(List<long> pairs)
        {
            var stories = pairs.Count == 0 ? 0 : (int)(pairs.Max() / ArticleShift) + 1;
            var counts = new int[stories];
            foreach (var pair in pairs)
                counts[(int)(pair / ArticleShift)]++;
            _entry = new int[stories];
            var listed = 0;
            for (var s = 0; s < stories; s++)
            {
                _entry[s] = counts[s] switch { 0 => -1, 1 => int.MaxValue, _ => -(2 + listed) };
                listed += counts[s] > 1 ? counts[s] + 1 : 0;
            }
            _lists = new int[listed];
            foreach (var pair in pairs)
            {
                var story = (int)(pair / ArticleShift);
                var person = (int)(pair % ArticleShift);
                MaxPerson = Math.Max(MaxPerson, person);
                if (_entry[story] == int.MaxValue)
                {
                    _entry[story] = person;
                    continue;
                }
                var start = -_entry[story] - 2;
                _lists[start + 1 + _lists[start]++] = person;
            }
        }

        public int MaxPerson { get; }

        /// <summary>How many of the stories <c>(value >> shift) &amp; mask</c> of <paramref name="values"/> each person is in, by person id.</summary>
        public int[] Count(long[] values, int shift, long mask)
        {
            var counts = new int[MaxPerson + 1];
            var (entries, lists) = (_entry, _lists);
            foreach (var value in values)
            {
                var story = (value >> shift) & mask;
                if ((ulong)story >= (ulong)entries.Length)
                    continue;
                var entry = entries[story];
                if (entry >= 0)
                    counts[entry]++;
                else if (entry != -1)
                {
                    var start = -entry - 2;
                    foreach (var person in lists.AsSpan(start + 1, lists[start]))
                        counts[person]++;
                }
            }
            return counts;
        }
    }
}
