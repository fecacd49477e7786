using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Data;

public sealed class DatabaseTests
{
    [Fact]
    public async Task Migrations_CoverTheWholeModel()
    {
        using var app = new NewsGraphApplication();
        await using var db = await app.CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task FirstStart_CreatesTheDatabaseAndLoadsTheSeedStory()
    {
        using var app = new NewsGraphApplication();
        await using var db = await app.CreateDbContextAsync();

        Assert.True(TestDatabase.IsPostgres || File.Exists(app.DatabasePath));
        var article = await db.Articles.SingleAsync();
        Assert.Equal(NewsGraphApplication.SeedSlug, article.Slug);
        Assert.Equal(540, article.PublishedOffsetMinutes);
        Assert.Equal(new DateTime(2020, 11, 23, 6, 52, 0, DateTimeKind.Utc), article.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, article.PublishedAt!.Value.Kind);
    }

    [Fact]
    public async Task SecondStart_OnTheSameFile_DoesNotSeedAgain()
    {
        var folder = Directory.CreateTempSubdirectory("newsgraph-tests-").FullName;
        using (var first = NewsGraphApplication.OnFolder(folder))
            _ = first.Services;

        using var second = NewsGraphApplication.OnFolder(folder);
        await using var db = await second.CreateDbContextAsync();

        Assert.Equal(1, await db.Articles.CountAsync());
        Assert.Equal(3, await db.People.CountAsync());
        Assert.Equal(2, await db.Images.CountAsync());
        TestDatabase.Drop(folder);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task EveryConnection_CarriesTheSettingsTheBenchmarksRelyOn()
    {
        using var app = new NewsGraphApplication();
        await using var db = await app.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();

        async Task<object?> PragmaAsync(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return await command.ExecuteScalarAsync();
        }

        Assert.Equal(1L, await PragmaAsync("synchronous")); // NORMAL
        Assert.Equal(30_000L, await PragmaAsync("busy_timeout"));
        Assert.Equal(-16_384L, await PragmaAsync("cache_size"));
        Assert.Equal(192L * 1024 * 1024, await PragmaAsync("soft_heap_limit"));
        Assert.Equal("wal", await PragmaAsync("journal_mode"));
    }
}
