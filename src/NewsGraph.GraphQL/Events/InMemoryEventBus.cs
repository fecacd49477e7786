using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace NewsGraph.GraphQL.Events;

/// <summary>
/// The event bus of one process. Each subscriber has a bounded queue: a subscriber that stops
/// reading loses its oldest messages rather than holding up the publisher or the other
/// subscribers, or growing memory without bound.
/// </summary>
public sealed class InMemoryEventBus(int queueCapacity = 256) : IEventBus
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _topics = new(StringComparer.Ordinal);
    private long _dropped;

    /// <summary>Messages dropped so far because a subscriber's queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>How many subscriptions <paramref name="topic"/> has now.</summary>
    public int Subscribers(string topic) => _topics.TryGetValue(topic, out var subscribers) ? subscribers.Count : 0;

    /// <summary>Messages published but not yet read, over all subscriptions (at most their capacity each).</summary>
    public int Pending => _topics.Values.SelectMany(s => s.Keys).Sum(s => s.Pending);

    public ValueTask PublishAsync<T>(string topic, T message, CancellationToken cancellationToken = default)
    {
        if (_topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscriber in subscribers.Keys)
                subscriber.Offer(message);
        }
        return ValueTask.CompletedTask;
    }

    public IEventSubscription<T> Subscribe<T>(string topic)
    {
        var subscription = new Subscription<T>(this, topic, queueCapacity);
        _topics.GetOrAdd(topic, _ => new ConcurrentDictionary<Subscription, byte>())[subscription] = 0;
        return subscription;
    }

    private void Remove(string topic, Subscription subscription)
    {
        if (_topics.TryGetValue(topic, out var subscribers))
            subscribers.TryRemove(subscription, out _);
    }

    private abstract class Subscription
    {
        public abstract int Pending { get; }

        public abstract void Offer(object? message);
    }

    private sealed class Subscription<T> : Subscription, IEventSubscription<T>
    {
        private readonly InMemoryEventBus _bus;
        private readonly string _topic;
        private readonly Channel<T> _queue;

        public Subscription(InMemoryEventBus bus, string topic, int capacity)
        {
            _bus = bus;
            _topic = topic;
            _queue = Channel.CreateBounded<T>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref bus._dropped));
        }

        public override int Pending => _queue.Reader.Count;

        public override void Offer(object? message)
        {
            if (message is T typed)
                _queue.Writer.TryWrite(typed);
        }

        public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return message;
        }

        public ValueTask DisposeAsync()
        {
            _bus.Remove(_topic, this);
            _queue.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
