using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.GraphQL.Tests.DataLoader;

public sealed class SharedFetchesTests
{
    private readonly SharedFetches _shared = new();
    private readonly List<int[]> _fetched = [];
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A fetch that records its keys and, the first time, waits for the test to release it.</summary>
    private async Task<IReadOnlyDictionary<int, string>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        bool first;
        lock (_fetched)
        {
            first = _fetched.Count == 0;
            _fetched.Add([.. keys]);
        }
        if (first)
            await _release.Task.WaitAsync(cancellationToken);
        return keys.ToDictionary(k => k, k => $"value {k}");
    }

    private Task<IReadOnlyDictionary<int, string>> Fetch(string kind, params int[] keys)
        => _shared.FetchAsync<int, string>(kind, keys, FetchAsync, CancellationToken.None);

    [Fact]
    public async Task BatchesArrivingWhileAFetchRuns_ShareTheNextFetch()
    {
        var first = Fetch("authors", 1, 2);
        var second = Fetch("authors", 2, 3);
        var third = Fetch("authors", 4);
        Assert.False(second.IsCompleted);

        _release.SetResult();

        Assert.Equal(["value 1", "value 2"], (await first).Values);
        Assert.Equal("value 3", (await second)[3]);
        Assert.Equal("value 4", (await third)[4]);
        Assert.Equal([[1, 2], [2, 3, 4]], _fetched);
        // Idle kinds leave the map (the hand-over runs just after the callers are answered).
        for (var i = 0; i < 200 && _shared.ActiveKinds > 0; i++)
            await Task.Delay(5);
        Assert.Equal(0, _shared.ActiveKinds);
    }

    [Fact]
    public async Task DifferentKinds_NeverShare()
    {
        var authors = Fetch("authors", 1);
        var images = Fetch("images", 1);

        // The images fetch did not wait behind the authors fetch.
        Assert.Equal("value 1", (await images)[1]);
        Assert.False(authors.IsCompleted);
        _release.SetResult();
        await authors;
        Assert.Equal(2, _fetched.Count);
    }

    [Fact]
    public async Task AFailedFetch_FailsTheCallersItServed_AndTheNextFetchRuns()
    {
        var calls = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<IReadOnlyDictionary<int, string>> Failing(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref calls) == 2)
                throw new InvalidOperationException("database gone");
            await gate.Task;
            return keys.ToDictionary(k => k, k => "ok");
        }

        var leader = _shared.FetchAsync<int, string>("people", [1], Failing, CancellationToken.None);
        var a = _shared.FetchAsync<int, string>("people", [2], Failing, CancellationToken.None);
        var b = _shared.FetchAsync<int, string>("people", [3], Failing, CancellationToken.None);
        gate.SetResult();

        Assert.Equal("ok", (await leader)[1]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => a);
        await Assert.ThrowsAsync<InvalidOperationException>(() => b);
        Assert.Equal("ok", (await _shared.FetchAsync<int, string>("people", [4], Failing, CancellationToken.None))[4]);
    }

    [Fact]
    public async Task ACallerThatStopsWaiting_DoesNotCancelTheFetchForTheOthers()
    {
        var first = Fetch("quotes", 1);
        using var cancel = new CancellationTokenSource();
        var leaving = _shared.FetchAsync<int, string>("quotes", [2], FetchAsync, cancel.Token);
        var staying = Fetch("quotes", 3);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        _release.SetResult();

        await first;
        Assert.Equal("value 3", (await staying)[3]);
        Assert.Equal([[1], [2, 3]], _fetched);
    }

    [Fact]
    public async Task LoadersThatShare_GetTheirOwnKeysFromACombinedFetch()
    {
        var loaderA = new DelegateDataLoader<int, string>(FetchAsync, "none", _shared, "kind");
        var loaderB = new DelegateDataLoader<int, string>(FetchAsync, "none", _shared, "kind");
        var loaderC = new DelegateDataLoader<int, string>(FetchAsync, "none", _shared, "kind");

        var a = loaderA.LoadAsync(1).GetResultAsync();
        var b = loaderB.LoadAsync(2).GetResultAsync();
        var c = loaderC.LoadAsync(99).GetResultAsync();
        _release.SetResult();

        Assert.Equal(["value 1", "value 2", "value 99"], await Task.WhenAll(a, b, c));
        Assert.Equal([[1], [2, 99]], _fetched);
    }
}
