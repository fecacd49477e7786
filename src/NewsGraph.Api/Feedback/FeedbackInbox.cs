using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Feedback;

/// <summary>
/// Stores reader feedback in group commits: one writer takes every submission waiting, checks their
/// stories in one query and inserts them in one transaction, and the next batch forms while it
/// commits. SQLite has a single write lock; 32 readers taking it one by one spent most of each
/// write in transaction overhead and left the machine idle while they queued.
/// A submission is acknowledged only once its transaction has committed. One whose request is
/// cancelled before its batch starts is dropped; after that it is stored and its caller, gone,
/// is not told.
/// </summary>
public sealed partial class FeedbackInbox : IAsyncDisposable
{
    /// <summary>Most submissions per transaction: keeps one batch's statement and memory small.</summary>
    public const int MaxBatchSize = 256;

    private readonly IDbContextFactory<NewsDbContext> _dbFactory;
    private readonly ILogger<FeedbackInbox> _logger;
    private readonly Channel<Submission> _queue = Channel.CreateBounded<Submission>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _writer;
    private long _transactions;

    public FeedbackInbox(IDbContextFactory<NewsDbContext> dbFactory, ILogger<FeedbackInbox> logger)
    {
        _dbFactory = dbFactory;
        _logger = logger;
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>Submissions waiting for the next batch.</summary>
    public int Waiting => _queue.Reader.Count;

    /// <summary>How many transactions have stored feedback.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>
    /// Stores <paramref name="feedback"/> (its <c>Id</c> set) and returns true, or returns false when
    /// it names a story that does not exist or that <paramref name="user"/> may not see.
    /// </summary>
    public async Task<bool> StoreAsync(ReaderFeedback feedback, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var submission = new Submission(feedback, user, cancellationToken);
        await _queue.Writer.WriteAsync(submission, cancellationToken);
        return await submission.Outcome.Task;
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<Submission>(MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var submission))
            {
                if (submission.CancellationToken.IsCancellationRequested)
                    submission.Outcome.TrySetCanceled(submission.CancellationToken);
                else
                    batch.Add(submission);
            }
            if (batch.Count == 0)
                continue;
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception ex) when (batch.Count > 1)
            {
                // One bad row must not cost the others their feedback: each alone, in its own transaction.
                LogBatchFailed(_logger, ex, batch.Count);
                foreach (var submission in batch)
                    await WriteAloneAsync(submission);
            }
            catch (Exception ex)
            {
                batch[0].Outcome.TrySetException(ex);
            }
        }
    }

    private async Task WriteAloneAsync(Submission submission)
    {
        try
        {
            await WriteAsync([submission]);
        }
        catch (Exception ex)
        {
            submission.Outcome.TrySetException(ex);
        }
    }

    private async Task WriteAsync(IReadOnlyList<Submission> batch)
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        var articleIds = batch.Select(s => s.Feedback.ArticleId).OfType<int>().Distinct().ToList();
        var statuses = articleIds.Count == 0
            ? []
            : await db.Articles.Where(a => articleIds.Contains(a.Id)).Select(a => new { a.Id, a.Status }).ToDictionaryAsync(a => a.Id, a => a.Status);

        var accepted = new List<Submission>(batch.Count);
        foreach (var submission in batch)
        {
            if (submission.Feedback.ArticleId is { } id
                && !(statuses.TryGetValue(id, out var status) && ArticleVisibility.IsVisibleTo(status, submission.User)))
            {
                submission.Outcome.TrySetResult(false);
                continue;
            }
            accepted.Add(submission);
            db.Feedback.Add(submission.Feedback);
        }
        if (accepted.Count == 0)
            return;
        await db.SaveChangesAsync();
        Interlocked.Increment(ref _transactions);
        // Only now, with the rows committed, do their senders hear back.
        foreach (var submission in accepted)
            submission.Outcome.TrySetResult(true);
    }

    /// <summary>Stops taking submissions and stores those already waiting.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} feedback submissions failed; storing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed class Submission(ReaderFeedback feedback, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        public ReaderFeedback Feedback { get; } = feedback;

        public ClaimsPrincipal? User { get; } = user;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
