using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsGraph.Api.Tests.Infrastructure;
using Npgsql;

namespace NewsGraph.Api.Tests.Import;

/// <summary>The import verb as a process of its own, killed with SIGKILL part-way through, on the provider the tests run on.</summary>
public sealed class ImportCrashTests : IDisposable
{
    private const int Articles = 600;
    private readonly string _folder = Directory.CreateTempSubdirectory("newsgraph-crash-").FullName;
    private readonly string _connectionString;

    public ImportCrashTests() => _connectionString = TestDatabase.ConnectionStringFor(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDatabase.Drop(_folder);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task KilledPartWay_LeavesOnlyWholeArticles_AndRunningAgainCompletesIt()
    {
        var dataset = TestDataset.Write(Path.Combine(_folder, "dataset"), Articles);

        using (var import = StartImport(dataset, pause: "00:00:00.050"))
        {
            var partWay = await WaitUntilAsync(count => count is >= 100 and < Articles - 100, TimeSpan.FromSeconds(60));
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
            Assert.True(partWay, "the import was not caught part-way");
        }

        var afterKill = Snapshot();
        Assert.Equal(TestDatabase.IsPostgres ? null : "ok", afterKill.Integrity);
        Assert.InRange(afterKill.Articles.Count, 100, Articles - 1);
        foreach (var (id, (bylines, images, quotes)) in afterKill.Articles)
            Assert.Equal((TestDataset.AuthorsOf(id), TestDataset.ImagesOf(id), TestDataset.QuotesOf(id)), (bylines, images, quotes));

        using (var rerun = StartImport(dataset, pause: "00:00:00"))
        {
            await rerun.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(rerun.ExitCode == 0, await rerun.StandardOutput.ReadToEndAsync() + await rerun.StandardError.ReadToEndAsync());
        }

        var complete = Snapshot();
        Assert.Equal(Articles, complete.Articles.Count);
        Assert.All(complete.Articles, a => Assert.Equal((TestDataset.AuthorsOf(a.Key), TestDataset.ImagesOf(a.Key), TestDataset.QuotesOf(a.Key)), a.Value));
    }

    private Process StartImport(string dataset, string pause)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "NewsGraph.Api.dll"), "import", dataset])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Database__Provider"] = TestDatabase.Provider.ToString();
        start.Environment["ConnectionStrings__News"] = _connectionString;
        if (TestDatabase.IsPostgres)
            start.Environment["Auth__SigningKey"] = TestDatabase.SigningKeyFor(_folder);
        start.Environment["Import__BatchSize"] = "20";
        start.Environment["Import__PauseBetweenBatches"] = pause;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private async Task<bool> WaitUntilAsync(Func<long, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var connection = Connect(readOnly: true);
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM \"Articles\"";
                if (condition(Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)))
                    return true;
            }
            catch (DbException)
            {
                // The database or its tables are not there yet.
            }
            await Task.Delay(10);
        }
        return false;
    }

    private DbConnection Connect(bool readOnly = false)
    {
        DbConnection connection = TestDatabase.IsPostgres
            ? new NpgsqlConnection(_connectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>
    /// The SQLite file's integrity check (the killed process wrote the file itself; a killed client
    /// has no hand in PostgreSQL's files, so there is none there), and each article's bylines, images and quotes.
    /// </summary>
    private (string? Integrity, Dictionary<int, (int Bylines, int Images, int Quotes)> Articles) Snapshot()
    {
        using var connection = Connect();
        string? result = null;
        if (!TestDatabase.IsPostgres)
        {
            using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            result = (string)integrity.ExecuteScalar()!;
        }
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
            articles[reader.GetInt32(0)] = (Count(reader, 1), Count(reader, 2), Count(reader, 3));
        return (result, articles);
    }

    /// <summary>A count: a 64-bit integer on PostgreSQL, on SQLite whatever fits.</summary>
    private static int Count(DbDataReader reader, int column) => Convert.ToInt32(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);
}
