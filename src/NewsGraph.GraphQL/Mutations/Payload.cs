namespace NewsGraph.GraphQL.Mutations;

/// <summary>What a mutation answers: its result, or the errors that stopped it.</summary>
public sealed record Payload<T>(T? Result, IReadOnlyList<MutationError>? Errors = null)
{
    public bool Succeeded => Errors is not { Count: > 0 };
}

/// <summary>Makes <see cref="Payload{T}"/>s (the generic record and its factory share the name, as <c>Task</c> does).</summary>
public static class Payload
{
    public static Payload<T> Success<T>(T result) => new(result);

    public static Payload<T> Failure<T>(params MutationError[] errors) => new(default, errors);

    public static Payload<T> Failure<T>(IEnumerable<MutationError> errors) => new(default, [.. errors]);
}
