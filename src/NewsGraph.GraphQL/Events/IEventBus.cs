namespace NewsGraph.GraphQL.Events;

/// <summary>
/// Publish/subscribe by topic, between the code that changes things and the subscriptions that
/// report them. In-process by default (<see cref="InMemoryEventBus"/>); a backplane (Redis) can
/// implement it for several instances.
/// </summary>
public interface IEventBus
{
    ValueTask PublishAsync<T>(string topic, T message, CancellationToken cancellationToken = default);

    /// <summary>The messages published to <paramref name="topic"/> from now on, until the subscription is disposed.</summary>
    IEventSubscription<T> Subscribe<T>(string topic);
}

public interface IEventSubscription<out T> : IAsyncDisposable
{
    IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default);
}
