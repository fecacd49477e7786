using System.Collections.Concurrent;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Runs of one kind that never overlap and that late callers share. A caller that finds no run of
/// its kind going runs alone, straight away, on its own token (so a lone caller waits for nothing
/// and behaves exactly as without sharing). Callers that arrive while a run is going queue, and
/// the next run serves all of them at once: it starts after each of them arrived, so nobody gets
/// a result older than their own request. Idle kinds are dropped.
/// </summary>
/// <remarks>
/// A shared run takes no caller's token (it serves all of them, and each stops waiting on its own)
/// and does not flow any caller's execution context (AsyncLocal state such as the current
/// HttpContext belongs to one request, which may end before the run does).
/// </remarks>
public sealed class SharedRuns
{
    private readonly ConcurrentDictionary<string, object> _kinds = new(StringComparer.Ordinal);
    private int _waiting;

    /// <summary>Kinds with a run going or callers waiting.</summary>
    public int ActiveKinds => _kinds.Count;

    /// <summary>Callers queued for a next run that has not started yet.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <param name="runAlone">The run of a caller that found its kind idle.</param>
    /// <param name="runTogether">The run serving every caller that queued meanwhile (at least one).</param>
    public Task<TResult> RunAsync<TCaller, TResult>(
        string kind,
        TCaller caller,
        Func<TCaller, CancellationToken, Task<TResult>> runAlone,
        Func<IReadOnlyList<TCaller>, Task<TResult>> runTogether,
        CancellationToken cancellationToken)
    {
        var queue = (Kind<TCaller, TResult>)_kinds.GetOrAdd(kind, static _ => new Kind<TCaller, TResult>());
        return queue.RunAsync(this, kind, caller, runAlone, runTogether, cancellationToken);
    }

    private sealed class Kind<TCaller, TResult>
    {
        private readonly object _gate = new();
        private List<Waiter> _waiting = [];
        private bool _running;

        public async Task<TResult> RunAsync(
            SharedRuns owner, string kind, TCaller caller,
            Func<TCaller, CancellationToken, Task<TResult>> runAlone,
            Func<IReadOnlyList<TCaller>, Task<TResult>> runTogether,
            CancellationToken cancellationToken)
        {
            Waiter? waiter = null;
            lock (_gate)
            {
                if (_running)
                {
                    _waiting.Add(waiter = new Waiter(caller, runTogether));
                    Interlocked.Increment(ref owner._waiting);
                }
                else
                    _running = true;
            }
            if (waiter is not null)
                return await waiter.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await runAlone(caller, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                HandOver(owner, kind);
            }
        }

        /// <summary>Starts the run for everyone who queued meanwhile, or marks the kind idle.</summary>
        private void HandOver(SharedRuns owner, string kind)
        {
            List<Waiter> next;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                    // A caller that took this instance just before it left the map still gets served:
                    // it finds the kind idle and runs on its own.
                    owner._kinds.TryRemove(new KeyValuePair<string, object>(kind, this));
                    return;
                }
                next = _waiting;
                _waiting = [];
                Interlocked.Add(ref owner._waiting, -next.Count);
            }
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(() => RunTogetherAsync(next, owner, kind));
        }

        private async Task RunTogetherAsync(List<Waiter> waiters, SharedRuns owner, string kind)
        {
            try
            {
                var result = await waiters[0].RunTogether(waiters.ConvertAll(w => w.Caller)).ConfigureAwait(false);
                foreach (var waiter in waiters)
                    waiter.Result.TrySetResult(result);
            }
            catch (Exception ex)
            {
                foreach (var waiter in waiters)
                    waiter.Result.TrySetException(ex);
            }
            finally
            {
                HandOver(owner, kind);
            }
        }

        private sealed class Waiter(TCaller caller, Func<IReadOnlyList<TCaller>, Task<TResult>> runTogether)
        {
            public TCaller Caller { get; } = caller;

            public Func<IReadOnlyList<TCaller>, Task<TResult>> RunTogether { get; } = runTogether;

            public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
