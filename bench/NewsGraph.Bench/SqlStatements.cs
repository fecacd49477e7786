using System.Net.Http.Json;
using System.Text.Json;

namespace NewsGraph.Bench;

/// <summary>
/// How many SQL statements each benchmark operation (bench/queries) costs, at its own page size
/// and at a larger one: the count must not grow with the page.
/// </summary>
public static class SqlStatements
{
    private static readonly (string File, string Small, string Large)[] Operations =
    [
        ("ng-a-front-page.json", "first: 20", "first: 50"),
        ("ng-b-article-page.json", "moreFromSection(first: 5)", "moreFromSection(first: 20)"),
        ("ng-c-search.json", "first: 10", "first: 50"),
        ("ng-d-submit-feedback.json", "", ""),
    ];

    public static async Task<int> RunAsync(string database, string queries)
    {
        await using var server = new InProcessServer(database);
        using var client = server.CreateClient();
        // Only this flow's requests count, not a background worker's poll that falls inside the window.
        server.Sql.OnlyFromHere();
        foreach (var (file, small, large) in Operations)
        {
            var body = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(queries, file))).RootElement;
            var query = body.GetProperty("query").GetString()!;
            var variables = body.GetProperty("variables");
            var counts = new List<string>();
            foreach (var (size, text) in new[] { (small, query), (large, small.Length == 0 ? query : query.Replace(small, large, StringComparison.Ordinal)) })
            {
                await PostAsync(client, text, variables); // warm: the first request of a process also loads the sections
                server.Sql.Clear();
                await PostAsync(client, text, variables);
                counts.Add($"{server.Sql.Commands.Count} at {(size.Length == 0 ? "the one size" : size)}");
                if (size.Length == 0)
                    break;
            }
            Console.WriteLine($"{Path.GetFileNameWithoutExtension(file)}: {string.Join(", ", counts)} statements");
            foreach (var (sql, _) in server.Sql.Commands)
                Console.WriteLine($"    {sql.Split('\n')[0].Trim()}");
        }
        return 0;
    }

    private static async Task PostAsync(HttpClient client, string query, JsonElement variables)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (json.TryGetProperty("errors", out var errors))
            throw new InvalidOperationException(errors.ToString());
    }
}
