namespace NewsGraph.GraphQL.Mutations;

/// <summary>No object of that ID, or none the caller may see. Made by <see cref="EntityKind.NotFound"/>.</summary>
public sealed record NotFoundError(string Message, string Id) : MutationError(Message, "NOT_FOUND");
