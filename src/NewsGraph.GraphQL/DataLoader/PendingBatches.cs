using GraphQL;
using GraphQL.DI;

namespace NewsGraph.GraphQL.DataLoader;

/// <summary>
/// The batches of one execution that wait for their fetch. The execution strategy awaits a level's
/// DataLoader results one after another, so each batch used to start its fetch only when the one
/// before had finished: an article page's authors, images, quotes and related stories were four
/// round trips in a row on PostgreSQL. When the first of them is awaited, every batch the level
/// queued is started, each on its own DbContext, so their statements travel together. The keys of a
/// level are all queued by then: the strategy awaits DataLoader results only after every other field
/// of the level has run. On SQLite, whose "async" calls complete synchronously, nothing changes but
/// the order of the fetches, so it is an option (<see cref="Execution.GraphQLServerOptions.StartBatchesTogether"/>).
/// Outside such an execution (no <see cref="Current"/>), a batch starts when it is awaited.
/// </summary>
public sealed class PendingBatches
{
    private static readonly AsyncLocal<PendingBatches?> Scope = new();
    private readonly List<IPendingBatch> _batches = [];

    public static PendingBatches? Current => Scope.Value;

    internal void Add(IPendingBatch batch)
    {
        lock (_batches)
            _batches.Add(batch);
    }

    /// <summary>Starts every batch queued so far.</summary>
    public void DispatchAll(CancellationToken cancellationToken)
    {
        IPendingBatch[] batches;
        lock (_batches)
        {
            if (_batches.Count == 0)
                return;
            batches = [.. _batches];
            _batches.Clear();
        }
        foreach (var batch in batches)
            batch.Dispatch(cancellationToken);
    }

    /// <summary>Gives each execution its own <see cref="PendingBatches"/>, when <paramref name="enabled"/>.</summary>
    public sealed class PerExecution(bool enabled = true) : IConfigureExecution
    {
        // Outermost, so that every other step of the execution runs inside the scope.
        public float SortOrder => 0;

        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
            => enabled ? ExecuteInScopeAsync(options, next) : next(options);

        private static async Task<ExecutionResult> ExecuteInScopeAsync(ExecutionOptions options, ExecutionDelegate next)
        {
            var outer = Scope.Value;
            Scope.Value = new PendingBatches();
            try
            {
                return await next(options).ConfigureAwait(false);
            }
            finally
            {
                Scope.Value = outer;
            }
        }
    }
}

/// <summary>A batch that has not started its fetch yet.</summary>
internal interface IPendingBatch
{
    /// <summary>Starts the fetch, once; later calls do nothing.</summary>
    void Dispatch(CancellationToken cancellationToken);
}
