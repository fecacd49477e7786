using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Import;

/// <summary>The import verb as a process of its own, killed with SIGKILL part-way through.</summary>
public sealed class ImportCrashTests : IDisposable
{
    private const int Articles = 600;
    private readonly string _folder = Directory.CreateTempSubdirectory("newsgraph-crash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task KilledPartWay_LeavesOnlyWholeArticles_AndRunningAgainCompletesIt()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "dataset"), Articles);
        var database = Path.Combine(_folder, "news.db");

        using (var import = StartImport(dataset, database, pause: "00:00:00.050"))
        {
            var partWay = await WaitUntilAsync(database, count => count is >= 100 and < Articles - 100, TimeSpan.FromSeconds(60));
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
            Assert.True(partWay, "the import was not caught part-way");
        }

        var afterKill = Snapshot(database);
        Assert.Equal("ok", afterKill.Integrity);
        Assert.InRange(afterKill.Articles.Count, 100, Articles - 1);
        foreach (var (id, (bylines, images, quotes)) in afterKill.Articles)
            Assert.Equal((TestDataset.AuthorsOf(id), TestDataset.ImagesOf(id), TestDataset.QuotesOf(id)), (bylines, images, quotes));

        using (var rerun = StartImport(dataset, database, pause: "00:00:00"))
        {
            await rerun.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(rerun.ExitCode == 0, await rerun.StandardOutput.ReadToEndAsync() + await rerun.StandardError.ReadToEndAsync());
        }

        var complete = Snapshot(database);
        Assert.Equal(Articles, complete.Articles.Count);
        Assert.All(complete.Articles, a => Assert.Equal((TestDataset.AuthorsOf(a.Key), TestDataset.ImagesOf(a.Key), TestDataset.QuotesOf(a.Key)), a.Value));
    }

    private Process StartImport(string dataset, string database, string pause)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "NewsGraph.Api.dll"), "import", dataset])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__News"] = $"Data Source={database}";
        start.Environment["Import__BatchSize"] = "20";
        start.Environment["Import__PauseBetweenBatches"] = pause;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private static async Task<bool> WaitUntilAsync(string database, Func<long, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(database))
            {
                try
                {
                    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT COUNT(*) FROM \"Articles\"";
                    if (condition((long)command.ExecuteScalar()!))
                        return true;
                }
                catch (SqliteException)
                {
                    // The tables are not there yet.
                }
            }
            await Task.Delay(10);
        }
        return false;
    }

    private static (string Integrity, Dictionary<int, (int Bylines, int Images, int Quotes)> Articles) Snapshot(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        var result = (string)integrity.ExecuteScalar()!;
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a."Id",
                   (SELECT COUNT(*) FROM "Bylines" b WHERE b."ArticleId" = a."Id"),
                   (SELECT COUNT(*) FROM "ArticleImages" i WHERE i."ArticleId" = a."Id"),
                   (SELECT COUNT(*) FROM "Quotes" q WHERE q."ArticleId" = a."Id")
            FROM "Articles" a
            """;
        var articles = new Dictionary<int, (int, int, int)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            articles[reader.GetInt32(0)] = (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
        return (result, articles);
    }
}
