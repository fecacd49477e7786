using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace NewsGraph.GraphQL.Events;

/// <summary>
/// The event bus of several instances: what one instance publishes goes through a Redis channel per
/// topic (<c>{prefix}{topic}</c>, as JSON) and reaches the subscribers of every instance, this one
/// included, so every subscriber sees one order. Each instance listens to a topic's channel from
/// its first subscriber on, and hands messages to its own <see cref="InMemoryEventBus"/>, whose
/// bounded queues protect it from slow subscribers.
/// </summary>
/// <remarks>
/// While Redis is away: publishing logs and returns (the change that raised the event is saved and
/// must not fail for it); a new subscription is refused and a live one ends, both with
/// <see cref="EventBusUnavailableException"/>, so clients subscribe again instead of waiting for
/// events that will not come. StackExchange.Redis reconnects and listens again by itself; new
/// subscriptions then work.
/// </remarks>
public sealed partial class RedisEventBus : IEventBus, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly ILogger _logger;
    private readonly InMemoryEventBus _local = new();
    private readonly ConcurrentDictionary<string, ChannelMessageQueue> _listening = new(StringComparer.Ordinal);
    private readonly Lock _listen = new();
    private CancellationTokenSource _outage = new();

    public RedisEventBus(IConnectionMultiplexer redis, string channelPrefix, ILogger<RedisEventBus> logger)
    {
        _redis = redis;
        _prefix = channelPrefix;
        _logger = logger;
        _redis.ConnectionFailed += OnConnectionFailed;
    }

    /// <summary>How many subscriptions <paramref name="topic"/> has on this instance.</summary>
    public int Subscribers(string topic) => _local.Subscribers(topic);

    public async ValueTask PublishAsync<T>(string topic, T message, CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        try
        {
            await _redis.GetSubscriber().PublishAsync(Channel(topic), payload).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogPublishFailed(_logger, topic, ex.Message);
        }
    }

    public IEventSubscription<T> Subscribe<T>(string topic)
    {
        var outage = _outage.Token;
        if (!_redis.IsConnected)
            throw new EventBusUnavailableException();
        Listen(topic);
        return new Subscription<T>(_local.Subscribe<byte[]>(topic), outage);
    }

    /// <summary>Listens to the topic's channel once; the reply comes before the first subscriber is told it is subscribed.</summary>
    private void Listen(string topic)
    {
        if (_listening.ContainsKey(topic))
            return;
        lock (_listen)
        {
            if (_listening.ContainsKey(topic))
                return;
            try
            {
                var queue = _redis.GetSubscriber().Subscribe(Channel(topic));
                // One message after another, in the order Redis delivered them.
                queue.OnMessage(message => _local.PublishAsync(topic, (byte[])message.Message!).AsTask());
                _listening[topic] = queue;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                throw new EventBusUnavailableException(ex);
            }
        }
    }

    private RedisChannel Channel(string topic) => RedisChannel.Literal(_prefix + topic);

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription)
            return;
        LogConnectionFailed(_logger, e.FailureType);
        using var ended = Interlocked.Exchange(ref _outage, new CancellationTokenSource());
        ended.Cancel();
    }

    public void Dispose()
    {
        _redis.ConnectionFailed -= OnConnectionFailed;
        foreach (var queue in _listening.Values)
            queue.Unsubscribe();
        _outage.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event on {Topic} could not be published to Redis: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis subscriptions lost their connection ({Failure}): live subscriptions end; new ones work once it is back")]
    private static partial void LogConnectionFailed(ILogger logger, ConnectionFailureType failure);

    private sealed class Subscription<T>(IEventSubscription<byte[]> local, CancellationToken outage) : IEventSubscription<T>
    {
        public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, outage);
            await using var messages = local.ReadAllAsync(stop.Token).GetAsyncEnumerator(stop.Token);
            while (true)
            {
                try
                {
                    if (!await messages.MoveNextAsync().ConfigureAwait(false))
                        yield break;
                }
                catch (OperationCanceledException) when (outage.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new EventBusUnavailableException();
                }
                if (JsonSerializer.Deserialize<T>(messages.Current, Json) is { } message)
                    yield return message;
            }
        }

        public ValueTask DisposeAsync() => local.DisposeAsync();
    }
}
