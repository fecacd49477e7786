using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Purging;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>A test application whose purges go to a webhook on a real port, and what each change purged there.</summary>
public sealed class PurgeWatch : IAsyncDisposable
{
    private PurgeWatch(NewsGraphApplication app, PurgeReceiver hook)
    {
        App = app;
        Hook = hook;
    }

    public NewsGraphApplication App { get; }

    public PurgeReceiver Hook { get; }

    /// <summary>Starts the webhook and points <paramref name="app"/> (not started yet) at it.</summary>
    public static async Task<PurgeWatch> StartAsync(NewsGraphApplication? app = null)
    {
        var hook = await PurgeReceiver.StartAsync();
        return new PurgeWatch((app ?? new NewsGraphApplication()).PurgingTo(hook), hook);
    }

    /// <summary>Waits until every purge so far has reached the webhook.</summary>
    public Task FlushAsync() => App.Services.GetRequiredService<CachePurger>().FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>The keys the webhook got because of <paramref name="change"/>, in order, each once.</summary>
    public async Task<string[]> PurgedByAsync(Func<Task> change)
    {
        await FlushAsync();
        var before = Hook.Received.Count;
        await change();
        await FlushAsync();
        return [.. Hook.Received.Skip(before).Keys().SelectMany(k => k).Distinct().Order(StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Hook.DisposeAsync();
    }
}
