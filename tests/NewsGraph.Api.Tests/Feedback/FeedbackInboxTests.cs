using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Feedback;

public sealed class FeedbackInboxTests : IDisposable
{
    private static readonly ClaimsPrincipal Editor = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Editor)], "test"));

    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    private FeedbackInbox Inbox => _app.Services.GetRequiredService<FeedbackInbox>();

    private static ReaderFeedback Note(int? articleId, string message = "Please add a map.")
        => new() { ArticleId = articleId, Message = message, CreatedAt = DateTime.UtcNow, Status = FeedbackStatus.New };

    [Fact]
    [Trait("Provider", "Sqlite")] // holds SQLite's single write lock to make the writer wait
    public async Task SubmissionsArrivingWhileABatchCommits_AreStoredTogetherInTheNextTransaction()
    {
        var articleId = await SeedArticleIdAsync();
        var before = Inbox.Transactions;
        var notes = Enumerable.Range(1, 200).Select(i => Note(articleId, $"Note {i}")).ToList();

        List<Task<bool>> stores;
        await using (await HoldWriteLockAsync())
            stores = notes.Select(n => Inbox.StoreAsync(n, null, CancellationToken.None)).ToList();

        Assert.All(await Task.WhenAll(stores), Assert.True);
        Assert.InRange(Inbox.Transactions - before, 1, 2);
        Assert.Equal(200, notes.Select(n => n.Id).Where(id => id > 0).Distinct().Count());
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(200, await db.Feedback.CountAsync(f => f.Message.StartsWith("Note ")));
    }

    [Fact]
    public async Task StoriesThatDoNotExistOrAreHiddenFromTheSender_AreRefused_WithoutCostingTheOthers()
    {
        var published = await SeedArticleIdAsync();
        var draft = await AddDraftAsync();

        Task<bool>[] stores;
        await using (await HoldWriteLockAsync())
        {
            stores =
            [
                Inbox.StoreAsync(Note(published, "on a published story"), null, CancellationToken.None),
                Inbox.StoreAsync(Note(987_654, "on no story"), null, CancellationToken.None),
                Inbox.StoreAsync(Note(draft, "a reader on a draft"), null, CancellationToken.None),
                Inbox.StoreAsync(Note(draft, "an editor on a draft"), Editor, CancellationToken.None),
                Inbox.StoreAsync(Note(null, "on the site"), null, CancellationToken.None),
            ];
        }

        var outcomes = await Task.WhenAll(stores);
        Assert.Equal(new[] { true, false, false, true, true }, outcomes);
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(["an editor on a draft", "on a published story", "on the site"],
            await db.Feedback.Select(f => f.Message).OrderBy(m => m).ToListAsync());
    }

    [Fact]
    public async Task ARowTheDatabaseRejects_FailsAlone()
    {
        var articleId = await SeedArticleIdAsync();

        Task<bool>[] stores;
        await using (await HoldWriteLockAsync())
        {
            stores =
            [
                Inbox.StoreAsync(Note(articleId, "first"), null, CancellationToken.None),
                Inbox.StoreAsync(Note(articleId, null!), null, CancellationToken.None), // NOT NULL
                Inbox.StoreAsync(Note(articleId, "third"), null, CancellationToken.None),
            ];
        }

        Assert.True(await stores[0]);
        await Assert.ThrowsAsync<DbUpdateException>(() => stores[1]);
        Assert.True(await stores[2]);
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(["first", "third"], await db.Feedback.Select(f => f.Message).OrderBy(m => m).ToListAsync());
    }

    [Fact]
    public async Task ASubmissionCancelledBeforeItsBatchStarts_IsNotStored()
    {
        var articleId = await SeedArticleIdAsync();
        using var cancel = new CancellationTokenSource();

        Task<bool> first, cancelled;
        await using (await HoldWriteLockAsync())
        {
            first = Inbox.StoreAsync(Note(articleId, "stored"), null, CancellationToken.None);
            while (Inbox.Waiting > 0) // the writer has taken it and waits for the lock
                await Task.Delay(5);
            cancelled = Inbox.StoreAsync(Note(articleId, "dropped"), null, cancel.Token);
            await cancel.CancelAsync();
        }

        Assert.True(await first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(["stored"], await db.Feedback.Select(f => f.Message).ToListAsync());
    }

    private async Task<int> SeedArticleIdAsync()
    {
        await using var db = await _app.CreateDbContextAsync();
        return await db.Articles.Where(a => a.Slug == NewsGraphApplication.SeedSlug).Select(a => a.Id).SingleAsync();
    }

    private async Task<int> AddDraftAsync()
    {
        await using var db = await _app.CreateDbContextAsync();
        var section = await db.Sections.FirstAsync();
        var draft = new Article { Slug = "a-draft", Headline = "A draft", SectionId = section.Id, Status = ArticleStatus.Draft, UpdatedAt = DateTime.UtcNow };
        db.Articles.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    /// <summary>
    /// Takes SQLite's write lock from another connection, so the inbox's writer waits in its first
    /// transaction while the test queues more; released (rolled back) on dispose.
    /// </summary>
    private async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }
        return connection;
    }
}
