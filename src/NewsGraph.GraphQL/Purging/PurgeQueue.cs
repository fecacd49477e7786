using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.Purging;

/// <summary>
/// The purges waiting for one target, sent in order by one loop: what queued meanwhile goes
/// together (keys merged, at most <see cref="PurgeTargetOptions.MaxKeysPerRequest"/> a request),
/// each request tried again with a doubling delay until it succeeds, is refused, or has been tried
/// <see cref="CachePurgeOptions.MaxAttempts"/> times. A target that is down delays only its own purges.
/// </summary>
internal sealed partial class PurgeQueue : IDisposable
{
    private readonly PurgeTarget _target;
    private readonly CachePurgeOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Channel<(IReadOnlyList<string> Keys, string Reason)> _pending = Channel.CreateUnbounded<(IReadOnlyList<string>, string)>(new() { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private int _outstanding;
    private TaskCompletionSource _idle = Completed();

    public PurgeQueue(PurgeTarget target, CachePurgeOptions options, ILogger logger, TimeProvider clock)
    {
        _target = target;
        _options = options;
        _logger = logger;
        _clock = clock;
    }

    public void Enqueue(IReadOnlyList<string> keys, string reason)
    {
        lock (_gate)
        {
            if (_outstanding++ == 0)
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _loop ??= Task.Run(RunAsync);
        }
        if (!_pending.Writer.TryWrite((keys, reason)))
            Done(1);   // stopping: nothing more is sent
    }

    /// <summary>Completes when everything queued so far was sent or given up.</summary>
    public Task IdleAsync()
    {
        lock (_gate)
            return _idle.Task;
    }

    /// <summary>Stops taking purges; waits for those queued up to <paramref name="timeout"/>, then abandons the rest.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        _pending.Writer.TryComplete();
        var idle = IdleAsync();
        if (await Task.WhenAny(idle, Task.Delay(timeout, _clock)).ConfigureAwait(false) != idle)
            LogAbandoned(_logger, _target.Options.DisplayName, Volatile.Read(ref _outstanding));
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
            await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _pending.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                var keys = new SortedSet<string>(StringComparer.Ordinal);
                var reasons = new SortedSet<string>(StringComparer.Ordinal);
                var taken = 0;
                while (reader.TryRead(out var purge))
                {
                    keys.UnionWith(purge.Keys);
                    reasons.Add(purge.Reason);
                    taken++;
                }
                foreach (var chunk in keys.Chunk(Math.Max(1, _target.Options.MaxKeysPerRequest)))
                    await SendAsync(chunk, string.Join("; ", reasons)).ConfigureAwait(false);
                Done(taken);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped: what is left was logged as abandoned.
        }
    }

    private async Task SendAsync(string[] keys, string reason)
    {
        var name = _target.Options.DisplayName;
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await _target.SendAsync(keys, reason, _options.Timeout, _stopping.Token).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                LogPurged(_logger, keys.Length, name, reason, attempt, keys);
                Count(name, "sent");
                return;
            }
            if (!outcome.Retry || attempt >= _options.MaxAttempts)
            {
                LogGaveUp(_logger, keys.Length, name, attempt, outcome.Detail, keys);
                Count(name, "failed");
                return;
            }
            LogRetrying(_logger, name, attempt, outcome.Detail, delay.TotalMilliseconds);
            Count(name, "retried");
            await Task.Delay(Jittered(delay), _clock, _stopping.Token).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    public void Dispose() => _stopping.Dispose();

    private void Done(int purges)
    {
        lock (_gate)
        {
            _outstanding -= purges;
            if (_outstanding == 0)
                _idle.TrySetResult();
        }
    }

    // Up to a fifth more, so instances that failed together do not retry in step.
    private static TimeSpan Jittered(TimeSpan delay) => delay + TimeSpan.FromTicks((long)(delay.Ticks * Random.Shared.NextDouble() * 0.2));

    private static void Count(string target, string outcome)
        => GraphQLTelemetry.CachePurges.Add(1, new("graphql.cache.purge.target", target), new("graphql.cache.purge.outcome", outcome));

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} keys at {Target} ({Reason}) on attempt {Attempt}: {Keys}")]
    private static partial void LogPurged(ILogger logger, int count, string target, string reason, int attempt, IReadOnlyList<string> keys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purge at {Target} failed on attempt {Attempt} ({Detail}); trying again in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string target, int attempt, string detail, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up purging {Count} keys at {Target} after {Attempts} attempts ({Detail}); cached copies live until they expire: {Keys}")]
    private static partial void LogGaveUp(ILogger logger, int count, string target, int attempts, string detail, IReadOnlyList<string> keys);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping with {Count} purges for {Target} not sent; cached copies live until they expire")]
    private static partial void LogAbandoned(ILogger logger, string target, int count);
}
