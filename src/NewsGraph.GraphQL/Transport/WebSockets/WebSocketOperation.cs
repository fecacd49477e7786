using System.Security.Claims;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>One running operation of a connection: a subscription until it completes, a query or mutation until it answers.</summary>
internal sealed class WebSocketOperation(string id, ClaimsPrincipal user)
{
    private readonly Lock _lock = new();
    private IDisposable? _subscription;
    private bool _stopped;

    public string Id { get; } = id;

    /// <summary>Who started it; its events resolve as this user.</summary>
    public ClaimsPrincipal User { get; } = user;

    public StreamPacer Pacer { get; } = new();

    public CancellationTokenSource Cancellation { get; } = new();

    public bool Stopped
    {
        get
        {
            lock (_lock)
                return _stopped;
        }
    }

    /// <summary>Keeps the subscription to dispose when the operation stops; false if it already has.</summary>
    public bool Attach(IDisposable subscription)
    {
        lock (_lock)
        {
            if (_stopped)
                return false;
            _subscription = subscription;
            return true;
        }
    }

    public void Stop()
    {
        IDisposable? subscription;
        lock (_lock)
        {
            if (_stopped)
                return;
            _stopped = true;
            subscription = _subscription;
        }
        Cancellation.Cancel();
        subscription?.Dispose();
        Pacer.Release();
    }
}
