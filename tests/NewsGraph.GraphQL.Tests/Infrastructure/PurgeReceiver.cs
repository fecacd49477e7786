using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsGraph.GraphQL.Tests.Infrastructure;

/// <summary>
/// A purge target on a real loopback port, as a webhook or a Varnish would be: it records every
/// request (method, path, headers, body) and answers with the statuses queued in
/// <see cref="Failures"/> first, then 200.
/// </summary>
public sealed class PurgeReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedPurge> _received = new();

    private PurgeReceiver(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Statuses to answer before answering 200.</summary>
    public ConcurrentQueue<int> Failures { get; } = new();

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedPurge> Received => [.. _received];

    public static async Task<PurgeReceiver> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new PurgeReceiver(app);
        app.Run(receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/purge");
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests came (10 s at most), then returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedPurge>> WaitForAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_received.Count < count)
            await Task.Delay(10, timeout.Token);
        return Received;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task ReceiveAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedPurge(http.Request.Method, http.Request.Path, headers, body, DateTimeOffset.UtcNow));
        http.Response.StatusCode = Failures.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
    }
}
