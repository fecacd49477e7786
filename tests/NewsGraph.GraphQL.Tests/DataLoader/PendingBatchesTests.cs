using GraphQL;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.GraphQL.Tests.DataLoader;

public sealed class PendingBatchesTests
{
    [Fact]
    public async Task AwaitingOneLoader_StartsTheOtherBatchesOfTheExecution()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new List<string>();
        DelegateDataLoader<int, string> Loader(string name) => new(async (keys, _) =>
        {
            lock (started)
                started.Add(name);
            await release.Task;
            return keys.ToDictionary(k => k, k => $"{name} {k}");
        }, "missing");

        await new PendingBatches.PerExecution().ExecuteAsync(new ExecutionOptions(), async options =>
        {
            var authors = Loader("authors").LoadAsync(1);
            var images = Loader("images").LoadAsync(1);

            var author = authors.GetResultAsync();
            lock (started)
                Assert.Equal(["authors", "images"], started); // both round trips under way before either returns
            release.SetResult();

            Assert.Equal("authors 1", await author);
            Assert.Equal("images 1", await images.GetResultAsync());
            return new ExecutionResult();
        });
    }

    [Fact]
    public async Task Disabled_ABatchStartsOnlyWhenItIsAwaited()
    {
        var started = new List<string>();
        DelegateDataLoader<int, string> Loader(string name) => new((keys, _) =>
        {
            started.Add(name);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => name));
        }, "missing");

        await new PendingBatches.PerExecution(enabled: false).ExecuteAsync(new ExecutionOptions(), async options =>
        {
            var authors = Loader("authors").LoadAsync(1);
            _ = Loader("images").LoadAsync(1);
            await authors.GetResultAsync();
            return new ExecutionResult();
        });

        Assert.Equal(["authors"], started);
    }

    [Fact]
    public async Task OutsideAnExecution_ABatchStartsOnlyWhenItIsAwaited()
    {
        var started = new List<string>();
        DelegateDataLoader<int, string> Loader(string name) => new((keys, _) =>
        {
            started.Add(name);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => name));
        }, "missing");

        var authors = Loader("authors").LoadAsync(1);
        _ = Loader("images").LoadAsync(1);
        await authors.GetResultAsync();

        Assert.Equal(["authors"], started);
    }
}
