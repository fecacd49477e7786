using GraphQL;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Events;

namespace NewsGraph.GraphQL.Subscriptions;

public static class SourceStreams
{
    /// <summary>
    /// The events published to <paramref name="topic"/> from now on that pass <paramref name="filter"/>,
    /// as a subscription's source stream. The bus subscription starts here, before the transport
    /// subscribes, so nothing published in between is missed; it ends when the operation does.
    /// </summary>
    public static IObservable<object?> FromEvents<TEvent>(IResolveFieldContext context, string topic, Func<TEvent, bool>? filter = null)
    {
        var bus = context.RequestServices?.GetService(typeof(IEventBus)) as IEventBus
                  ?? throw new InvalidOperationException("No IEventBus is registered.");
        return new Observable<TEvent>(bus.Subscribe<TEvent>(topic), filter, StreamPacer.Of(context));
    }

    private sealed class Observable<TEvent>(IEventSubscription<TEvent> subscription, Func<TEvent, bool>? filter, StreamPacer? pacer)
        : IObservable<object?>, IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private int _subscribed;

        public IDisposable Subscribe(IObserver<object?> observer)
        {
            if (Interlocked.Exchange(ref _subscribed, 1) == 1)
                throw new InvalidOperationException("An event stream has one subscriber.");
            GraphQLTelemetry.ActiveSubscriptions.Add(1);
            _ = PumpAsync(observer);
            return this;
        }

        private async Task PumpAsync(IObserver<object?> observer)
        {
            try
            {
                await foreach (var message in subscription.ReadAllAsync(_stop.Token).ConfigureAwait(false))
                {
                    if (filter is not null && !filter(message))
                        continue;
                    if (pacer is not null)
                        await pacer.WaitAsync(_stop.Token).ConfigureAwait(false);
                    observer.OnNext(message);
                }
                observer.OnCompleted();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Unsubscribed: the transport has already said goodbye.
            }
            catch (Exception ex)
            {
                observer.OnError(ex);
            }
        }

        public void Dispose()
        {
            if (_stop.IsCancellationRequested)
                return;
            _stop.Cancel();
            if (Volatile.Read(ref _subscribed) == 1)
                GraphQLTelemetry.ActiveSubscriptions.Add(-1);
            _ = subscription.DisposeAsync().AsTask();
        }
    }
}
