namespace NewsGraph.GraphQL.Mutations;

/// <summary>Too many requests from this client; try again after <paramref name="RetryAfterSeconds"/>.</summary>
public sealed record RateLimitedError(string Message, int RetryAfterSeconds) : MutationError(Message, "RATE_LIMITED");
