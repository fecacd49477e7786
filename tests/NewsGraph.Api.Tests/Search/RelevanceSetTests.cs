using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsGraph.Api.Tests.Search;

/// <summary>
/// The relevance set (RelevanceSet.json): every query finds each of its judged stories in its first ten
/// hits, on the database the run uses. nDCG@10 (graded, 2^grade - 1 gains, unjudged stories gain
/// nothing) is reported per query and on average, in the test's output and in <c>relevance-{provider}.txt</c>
/// beside the test assembly.
/// </summary>
public sealed class RelevanceSetTests(RelevanceArchive archive, ITestOutputHelper output) : IClassFixture<RelevanceArchive>
{
    private const double MinimumMeanNdcg = 0.9;

    [Fact]
    public async Task EveryQuery_FindsItsJudgedStories_InItsFirstTenHits()
    {
        var report = new StringBuilder();
        var missing = new List<string>();
        var scores = new List<double>();
        foreach (var query in archive.Set.GetProperty("queries").EnumerateArray())
        {
            var text = query.GetProperty("query").GetString()!;
            var judged = query.GetProperty("judged").EnumerateArray().ToDictionary(j => j.GetProperty("slug").GetString()!, j => j.GetProperty("grade").GetInt32());
            var top = await TopTenAsync(text);
            missing.AddRange(judged.Keys.Where(slug => !top.Contains(slug)).Select(slug => $"{text}: {slug} not in {string.Join(", ", top)}"));
            var ndcg = Ndcg(top, judged);
            scores.Add(ndcg);
            report.AppendLine(CultureInfo.InvariantCulture, $"{ndcg:0.000}  {text}");
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"mean nDCG@10 {scores.Average():0.000} over {scores.Count} queries ({TestDatabase.Provider})");
        output.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, $"relevance-{TestDatabase.Provider}.txt"), report.ToString());

        Assert.True(scores.Count >= 30, "The set has at least 30 queries.");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.True(scores.Average() >= MinimumMeanNdcg, report.ToString());
    }

    /// <summary>
    /// "berlin" is in about 1,900 of the archive's bodies (about 110 headlines): the newest 1,000 below the
    /// headlines are ranked, the older follow newest first (the SQLite key orders by the story's own day),
    /// and the pages reach every match once.
    /// </summary>
    [Fact]
    public async Task ACommonWord_RanksItsNewestMatches_ThenListsTheOlderNewestFirst()
    {
        var hits = new List<(string Slug, double Score, DateTimeOffset Published)>();
        string? cursor = null;
        var total = 0;
        for (var more = true; more;)
        {
            var response = await archive.App.PostAsync(
                "query($c: String) { search(query: \"berlin\", first: 50, after: $c) { totalCount pageInfo { endCursor hasNextPage } nodes { score article { slug publishedAt } } } }", new { c = cursor });
            Assert.True(response.Errors.Count == 0, response.Text);
            var search = response.Data.GetProperty("search");
            total = search.GetProperty("totalCount").GetInt32();
            hits.AddRange(search.GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("article").GetProperty("slug").GetString()!,
                n.GetProperty("score").GetDouble(), n.GetProperty("article").GetProperty("publishedAt").GetDateTimeOffset())));
            more = search.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            cursor = search.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(total, hits.Select(h => h.Slug).Distinct().Count());
        Assert.Equal(total, hits.Count);
        var ranked = hits.FindAll(h => h.Score is > 0 and < 1);
        var older = hits.FindAll(h => h.Score == 0);
        Assert.Equal(NewsGraph.Api.Search.SearchRanking.RankedMatches, ranked.Count);
        Assert.True(older.Count > 500, $"{older.Count} older matches");
        Assert.Equal(hits.Count - older.Count, hits.FindIndex(h => h.Score == 0));
        var day = TimeSpan.FromDays(1);
        Assert.True(ranked.Min(h => h.Published) >= older.Max(h => h.Published) - day);
        Assert.All(older.Zip(older.Skip(1)), pair => Assert.True(pair.Second.Published <= pair.First.Published + day, $"{pair.First} before {pair.Second}"));
    }

    private async Task<List<string>> TopTenAsync(string query)
    {
        var response = await archive.App.PostAsync("query($q: String!) { search(query: $q, first: 10) { nodes { article { slug } } } }", new { q = query });
        Assert.True(response.Errors.Count == 0, $"{query}: {response.Text}");
        return [.. response.Data.GetProperty("search").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("article").GetProperty("slug").GetString()!)];
    }

    private static double Ndcg(IReadOnlyList<string> top, IReadOnlyDictionary<string, int> judged)
    {
        static double Gain(int grade, int rank) => (Math.Pow(2, grade) - 1) / Math.Log2(rank + 2);
        var dcg = top.Select((slug, i) => Gain(judged.GetValueOrDefault(slug), i)).Sum();
        var ideal = judged.Values.OrderDescending().Take(10).Select(Gain).Sum();
        return ideal == 0 ? 1 : dcg / ideal;
    }
}
