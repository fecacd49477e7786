using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Import;

namespace NewsGraph.Api.Data;

/// <summary>
/// Brings the embedded database up to date at start-up and loads the seed stories into an empty one.
/// A shared server database is migrated by a deployment step instead (docs/operations.md).
/// </summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<NewsDbContext> dbFactory,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers go on while a write commits; the setting stays with the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        if (await db.Articles.AnyAsync(cancellationToken))
            return;
        var folder = SeedFolder();
        if (!Directory.Exists(folder))
        {
            LogNoSeeds(logger, folder);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var story = await CuratedStory.ReadAsync(file, cancellationToken);
            story.AddTo(db, clock.GetUtcNow().UtcDateTime);
            LogSeeded(logger, story.Slug, file);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private string SeedFolder()
        => configuration["Seed:Path"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "seeds");

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Slug} from {File}")]
    private static partial void LogSeeded(ILogger logger, string slug, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No seed folder at {Folder}; the database stays empty")]
    private static partial void LogNoSeeds(ILogger logger, string folder);
}
