using NewsGraph.Api.Data;

namespace NewsGraph.Api.Tests.Data;

public sealed class SerialWritesTests
{
    [Fact]
    public async Task Writes_RunOneAtATime_AndAFailedWriteHandsOnItsTurn()
    {
        using var serial = new SerialWrites();
        var running = 0;
        var mostAtOnce = 0;
        var done = 0;

        var writes = Enumerable.Range(0, 40).Select(i => Task.Run(() => serial.RunAsync(async token =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(2, token);
            Interlocked.Decrement(ref running);
            if (i % 10 == 0)
                throw new InvalidOperationException($"write {i} failed");
            return Interlocked.Increment(ref done);
        }, CancellationToken.None))).ToList();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAll(writes));
        var failed = writes.Count(w => w.IsFaulted);

        Assert.Equal(1, mostAtOnce);
        Assert.Equal(4, failed);
        Assert.Equal(36, done);
    }

    [Fact]
    public async Task AWriteCancelledWhileWaiting_NeverRuns()
    {
        using var serial = new SerialWrites();
        var release = new TaskCompletionSource<int>();
        var first = serial.RunAsync(_ => release.Task, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var ran = false;

        var waiting = serial.RunAsync(_ => { ran = true; return Task.FromResult(0); }, cancel.Token);
        await cancel.CancelAsync();
        release.SetResult(1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, await first);
        Assert.False(ran);
        Assert.Equal(2, await serial.RunAsync(_ => Task.FromResult(2), CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
            current = seen;
    }
}
