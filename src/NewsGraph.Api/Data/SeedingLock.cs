using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Api.Data;

/// <summary>
/// A PostgreSQL advisory lock held while an instance checks for content and seeds it, so two
/// instances starting at once do not both load the seed stories. SQLite serves one box: nothing to take.
/// </summary>
public sealed class SeedingLock : IAsyncDisposable
{
    // Any number the application's other advisory locks do not use.
    private const long Key = 0x4E_65_77_73_53_65_65_64; // "NewsSeed"

    private readonly NewsDbContext? _db;

    private SeedingLock(NewsDbContext? db) => _db = db;

    public static async Task<SeedingLock> TakeAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
            return new SeedingLock(null);
        // A session lock: the connection stays open until it is released.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        return new SeedingLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
            return;
        await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
        await _db.Database.CloseConnectionAsync();
    }
}
