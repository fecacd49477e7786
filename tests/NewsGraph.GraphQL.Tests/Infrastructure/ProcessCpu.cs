using System.Diagnostics;

namespace NewsGraph.GraphQL.Tests.Infrastructure;

/// <summary>
/// The test process's CPU time, for tests that show a request leaves no work running. Those tests
/// share a collection that runs on its own, so no other test's work is counted.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class ProcessCpu
{
    public const string Collection = "Process CPU";

    /// <summary>CPU time the whole process has used so far.</summary>
    public static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>CPU time the whole process used during <paramref name="window"/> from now.</summary>
    public static async Task<TimeSpan> UsedDuringAsync(TimeSpan window)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        await Task.Delay(window);
        process.Refresh();
        return process.TotalProcessorTime - before;
    }

    /// <summary>Waits (up to 20 s) until the process uses almost no CPU: start-up and JIT work in the background is over.</summary>
    public static async Task WaitUntilIdleAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20) && await UsedDuringAsync(TimeSpan.FromMilliseconds(250)) > TimeSpan.FromMilliseconds(25))
        {
        }
    }
}
