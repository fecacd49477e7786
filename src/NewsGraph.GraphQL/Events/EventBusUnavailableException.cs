namespace NewsGraph.GraphQL.Events;

/// <summary>
/// The event bus cannot carry events just now (its broker is unreachable): a new subscription is
/// refused with it, and a live one ends with it. Clients see <c>SUBSCRIPTIONS_UNAVAILABLE</c>.
/// </summary>
public sealed class EventBusUnavailableException(Exception? inner = null)
    : Exception("The event bus cannot be reached just now.", inner);
