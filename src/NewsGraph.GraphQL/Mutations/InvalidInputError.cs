namespace NewsGraph.GraphQL.Mutations;

/// <summary>An input field whose value cannot be used; <paramref name="Field"/> is its name in the input.</summary>
public sealed record InvalidInputError(string Message, string Field, string Code = "INVALID_INPUT") : MutationError(Message, Code);
