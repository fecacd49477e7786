using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Tests.Execution;

public sealed class SharedRunsTests
{
    private static readonly AsyncLocal<string?> Request = new();

    [Fact]
    public async Task ASharedRun_DoesNotSeeAnyCallersAsyncLocalState()
    {
        var runs = new SharedRuns();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Request.Value = "first caller";
        var first = runs.RunAsync("kind", 1,
            async (_, _) => { await release.Task; return Request.Value; },
            _ => Task.FromResult(Request.Value),
            CancellationToken.None);
        Request.Value = "second caller";
        var second = runs.RunAsync("kind", 2,
            (_, _) => Task.FromResult(Request.Value),
            _ => Task.FromResult(Request.Value ?? "nobody's"),
            CancellationToken.None);
        Assert.Equal(1, runs.Waiting);

        release.SetResult();

        Assert.Equal("first caller", await first);
        // The run serving the second caller was started from the first caller's flow; none of it leaks in.
        Assert.Equal("nobody's", await second);
        Assert.Equal(0, runs.Waiting);
    }
}
