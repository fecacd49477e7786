using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Events;

/// <summary>Answers an <see cref="EventBusUnavailableException"/> with <c>SUBSCRIPTIONS_UNAVAILABLE</c> (503) instead of an unexpected error.</summary>
public sealed class EventBusUnavailableDetector : IUnavailableDependencyDetector
{
    public ServiceUnavailableError? Detect(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is EventBusUnavailableException)
                return new ServiceUnavailableError(ErrorCodes.SubscriptionsUnavailable, "Live updates are unavailable just now; subscribe again in a moment.");
        }
        return null;
    }
}
