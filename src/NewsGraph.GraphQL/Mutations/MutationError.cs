namespace NewsGraph.GraphQL.Mutations;

// Hot Chocolate's mutation conventions: a payload carries the result and `errors`, a union of typed
// errors that implement `interface Error { message: String! }`. The errors any mutation may give
// live here; a feature adds its own in its `*Errors.cs`.

/// <summary>A typed mutation error: a message for people and a stable code for programs.</summary>
public abstract record MutationError(string Message, string Code);
