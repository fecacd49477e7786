using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Import;

namespace NewsGraph.Api.Data;

/// <summary>
/// Brings the database up to date at start-up (unless <see cref="DatabaseOptions.MigrateOnStartup"/>
/// is off: then the <c>migrate</c> command does it as a deployment step) and loads the seed stories
/// (wire text, through the importer) into an empty one.
/// </summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<NewsDbContext> dbFactory,
    ImportCommand importer,
    IConfiguration configuration,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (options.Value.MigrateOnStartup)
            await MigrateAsync(db, cancellationToken);

        // Instances starting together on one server seed it once: the first holds the lock, the
        // others find the stories when they get it.
        await using var seeding = await SeedingLock.TakeAsync(db, cancellationToken);
        if (await db.Articles.AnyAsync(cancellationToken))
            return;
        var folder = SeedFolder();
        var stories = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList() : [];
        if (stories.Count == 0)
        {
            LogNoSeeds(logger, folder);
            return;
        }
        using var log = new StringWriter();
        var succeeded = await importer.ImportStoriesAsync(stories, log, interactive: false, cancellationToken);
        var report = log.ToString().TrimEnd();
        LogSeeded(logger, folder, report);
        if (!succeeded)
            throw new InvalidOperationException($"The seed stories in {folder} did not all import:{Environment.NewLine}{report}");
    }

    /// <summary>Applies pending migrations, and what SQLite keeps in the file rather than in the schema.</summary>
    public static async Task MigrateAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (!db.Database.IsSqlite())
            return;
        // WAL lets readers go on while a write commits; the setting stays with the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await UpdateStatisticsAsync(db, cancellationToken);
    }

    /// <summary>
    /// Gives SQLite's query planner statistics (<c>ANALYZE</c>) when the file has none yet, and
    /// lets it refresh stale ones otherwise (<c>PRAGMA optimize</c>, sampling at most 1,000 rows per
    /// index so a large file does not hold up the start). Without them it cannot tell
    /// that nearly every story is published, and counted a headline search by walking the status
    /// index (90,000 rows on the 100k dataset) instead of the few thousand index matches.
    /// </summary>
    private static async Task UpdateStatisticsAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var analyzed = await db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'")
            .SingleAsync(cancellationToken) > 0;
        await db.Database.ExecuteSqlRawAsync(analyzed ? "PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;" : "ANALYZE;", cancellationToken);
    }

    private string SeedFolder()
        => configuration["Seed:Path"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "seeds");

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the empty database from {Folder}:\n{Log}")]
    private static partial void LogSeeded(ILogger logger, string folder, string log);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No seed stories in {Folder}; the database stays empty")]
    private static partial void LogNoSeeds(ILogger logger, string folder);
}
