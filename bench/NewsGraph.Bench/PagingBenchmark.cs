using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Bench;

/// <summary>
/// Issue 3's measurements on a loaded database: the latency of page 1000 of
/// <c>articles(order: {publishedAt: DESC})</c> against page 1, and the query plans of that page and
/// of a section + date-range filter (no full scan allowed).
/// </summary>
public static class PagingBenchmark
{
    private const string Page = """
        query($after: String) {
          articles(first: 10, after: $after, order: { publishedAt: DESC }) {
            pageInfo { endCursor }
            nodes { slug headline publishedAt section { name } authors { name } }
          }
        }
        """;

    private const string SectionDateRange = """
        query {
          articles(first: 20, where: { section: { slug: { eq: "business" } }, publishedAt: { gte: "2024-01-01T00:00:00+09:00", lt: "2024-07-01T00:00:00+09:00" } }) {
            nodes { slug publishedAt }
          }
        }
        """;

    public static async Task<int> RunAsync(string database)
    {
        await using var server = new InProcessServer(database);
        using var client = server.CreateClient();

        string? cursor = null;
        string? page1000 = null;
        for (var page = 1; page < 1000; page++)
        {
            var data = await InProcessServer.QueryAsync(client, Page, new { after = cursor });
            cursor = data.GetProperty("articles").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        page1000 = cursor;

        // Interleaved, after a warm-up, so both see the same machine and caches.
        var first = new List<double>();
        var deep = new List<double>();
        for (var round = 0; round < 50; round++)
            await TimeAsync(server, client, null, first, round >= 10);
        for (var round = 0; round < 50; round++)
            await TimeAsync(server, client, page1000, deep, round >= 10);
        for (var round = 0; round < 400; round++)
        {
            await TimeAsync(server, client, null, first, true);
            await TimeAsync(server, client, page1000, deep, true);
        }
        var (firstMedian, deepMedian) = (Median(first), Median(deep));
        Console.WriteLine($"page 1:    median {firstMedian:0.000} ms, p95 {Percentile(first, 0.95):0.000} ms ({first.Count} requests)");
        Console.WriteLine($"page 1000: median {deepMedian:0.000} ms, p95 {Percentile(deep, 0.95):0.000} ms ({deep.Count} requests)");
        Console.WriteLine($"ratio page 1000 / page 1 (medians): {deepMedian / firstMedian:0.00}");

        server.Sql.Clear();
        await InProcessServer.QueryAsync(client, Page, new { after = page1000 });
        PrintPlan("page 1000, articles(order: {publishedAt: DESC})", database, server.Sql.Commands[0]);

        server.Sql.Clear();
        await InProcessServer.QueryAsync(client, SectionDateRange);
        PrintPlan("section + date range", database, server.Sql.Commands[0]);
        return 0;
    }

    private static async Task TimeAsync(InProcessServer server, HttpClient client, string? after, List<double> samples, bool keep)
    {
        var started = Stopwatch.GetTimestamp();
        await InProcessServer.QueryAsync(client, Page, new { after });
        if (keep)
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static void PrintPlan(string title, string database, (string Sql, (string Name, object? Value)[] Parameters) command)
    {
        Console.WriteLine();
        Console.WriteLine($"-- {title}");
        Console.WriteLine(command.Sql);
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = explain.ExecuteReader();
        Console.WriteLine("-- plan:");
        var fullScan = false;
        while (reader.Read())
        {
            var detail = reader.GetString(3);
            fullScan |= detail.StartsWith("SCAN ", StringComparison.Ordinal) && !detail.Contains("USING", StringComparison.Ordinal);
            Console.WriteLine($"   {detail}");
        }
        Console.WriteLine(fullScan ? "-- FULL SCAN" : "-- no full table scan");
    }

    private static double Median(List<double> samples) => Percentile(samples, 0.5);

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }
}
