using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

// Hot Chocolate's mutation conventions: a payload carries the result and `errors`, a union of typed
// errors that implement `interface Error { message: String! }`. These are the errors any mutation
// may give; a feature adds its own beside them.

/// <summary>A typed mutation error: a message for people and a stable code for programs.</summary>
public abstract record MutationError(string Message, string Code);

/// <summary>An input field whose value cannot be used; <paramref name="Field"/> is its name in the input.</summary>
public sealed record InvalidInputError(string Message, string Field, string Code = "INVALID_INPUT") : MutationError(Message, Code);

/// <summary>No object of that ID, or none the caller may see.</summary>
public sealed record NotFoundError(string Message, string Id) : MutationError(Message, "NOT_FOUND");

/// <summary>The change was based on <paramref name="ExpectedVersion"/> but someone saved <paramref name="CurrentVersion"/> since: nothing was overwritten.</summary>
public sealed record VersionConflictError(string Message, int ExpectedVersion, int CurrentVersion) : MutationError(Message, "VERSION_CONFLICT");

/// <summary>Too many requests from this client; try again after <paramref name="RetryAfterSeconds"/>.</summary>
public sealed record RateLimitedError(string Message, int RetryAfterSeconds) : MutationError(Message, "RATE_LIMITED");

/// <summary><c>interface Error { message: String! }</c></summary>
public sealed class ErrorInterfaceGraphType : InterfaceGraphType
{
    public ErrorInterfaceGraphType()
    {
        Name = "Error";
        Description = "An error a mutation reports in its payload.";
        Field<NonNullGraphType<StringGraphType>>("message");
    }
}

/// <summary>An error type: <c>message</c>, <c>code</c> and implements <c>Error</c>; named after the class (<c>NotFoundErrorGraphType</c> → <c>NotFoundError</c>).</summary>
public abstract class ErrorGraphType<TError> : ObjectGraphType<TError>
    where TError : MutationError
{
    protected ErrorGraphType()
    {
        Interface<ErrorInterfaceGraphType>();
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Description("A stable code for programs.").Resolve(ctx => ctx.Source.Code);
    }
}

public sealed class InvalidInputErrorGraphType : ErrorGraphType<InvalidInputError>
{
    public InvalidInputErrorGraphType()
    {
        Description = "An input field whose value cannot be used.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("The input field, as named in the input type.").Resolve(ctx => ctx.Source.Field);
    }
}

public sealed class NotFoundErrorGraphType : ErrorGraphType<NotFoundError>
{
    public NotFoundErrorGraphType()
    {
        Description = "No object of that ID, or none the caller may see.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
    }
}

public sealed class VersionConflictErrorGraphType : ErrorGraphType<VersionConflictError>
{
    public VersionConflictErrorGraphType()
    {
        Description = "Someone saved a newer version since the one the change was based on; nothing was overwritten.";
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Resolve(ctx => ctx.Source.ExpectedVersion);
        Field<NonNullGraphType<IntGraphType>>("currentVersion").Resolve(ctx => ctx.Source.CurrentVersion);
    }
}

public sealed class RateLimitedErrorGraphType : ErrorGraphType<RateLimitedError>
{
    public RateLimitedErrorGraphType()
    {
        Description = "Too many requests from this client.";
        Field<NonNullGraphType<IntGraphType>>("retryAfterSeconds").Description("When to try again.").Resolve(ctx => ctx.Source.RetryAfterSeconds);
    }
}
