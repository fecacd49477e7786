using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands the application sends and, with <see cref="Delay"/>, makes each one take
/// time as a networked database would (SQLite answers synchronously, which hides races). Records
/// any moment at which one DbContext had two commands open at once.
/// </summary>
public sealed class SqlCommandLog : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<DbContext, int> _openPerContext = new(ReferenceEqualityComparer.Instance);
    private int _count;
    private int _open;
    private int _maxOpen;
    private int _overlaps;

    public TimeSpan Delay { get; set; }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The most commands that were open at one time, across all contexts.</summary>
    public int MaxOpen => Volatile.Read(ref _maxOpen);

    /// <summary>How often a context started a command while another of its own was still open.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    public ConcurrentQueue<string> Commands { get; } = new();

    public void Reset()
    {
        _count = _maxOpen = _overlaps = 0;
        Commands.Clear();
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await StartAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        StartAsync(command, eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        End(eventData.Context);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => End(eventData.Context);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        return Task.CompletedTask;
    }

    private async ValueTask StartAsync(DbCommand command, DbContext? context, CancellationToken cancellationToken)
    {
        // The embargo lifter's and the search backlog's polls run every few seconds whatever a test does; counts are of requests.
        if (!command.CommandText.Contains(EmbargoLifter.StatementTag, StringComparison.Ordinal)
            && !command.CommandText.Contains(NewsGraph.Api.Search.SearchBacklog.StatementTag, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
            Commands.Enqueue(command.CommandText);
        }
        if (context is not null && _openPerContext.AddOrUpdate(context, 1, (_, n) => n + 1) > 1)
            Interlocked.Increment(ref _overlaps);
        var open = Interlocked.Increment(ref _open);
        int max;
        while (open > (max = Volatile.Read(ref _maxOpen)) && Interlocked.CompareExchange(ref _maxOpen, open, max) != max)
        {
        }
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, cancellationToken);
    }

    private void End(DbContext? context)
    {
        Interlocked.Decrement(ref _open);
        if (context is not null)
            _openPerContext.AddOrUpdate(context, 0, (_, n) => n - 1);
    }
}
