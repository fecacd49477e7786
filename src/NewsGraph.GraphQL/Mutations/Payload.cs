using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>What a mutation answers: its result, or the errors that stopped it.</summary>
public sealed record Payload<T>(T? Result, IReadOnlyList<MutationError>? Errors = null)
{
    public bool Succeeded => Errors is not { Count: > 0 };
}

public static class Payload
{
    public static Payload<T> Success<T>(T result) => new(result);

    public static Payload<T> Failure<T>(params MutationError[] errors) => new(default, errors);
}

/// <summary>
/// <c>XPayload</c>: the result under <paramref name="resultField"/> (camelCase of its type's name, as
/// Hot Chocolate names it) and <c>errors: [XError!]</c>, null when there are none.
/// Subclass once per mutation: <c>SubmitFeedbackPayloadGraphType</c> is <c>SubmitFeedbackPayload</c>.
/// </summary>
public abstract class PayloadGraphType<T, TResultGraphType, TErrorUnionGraphType> : ObjectGraphType<Payload<T>>
    where TResultGraphType : IGraphType
    where TErrorUnionGraphType : UnionGraphType
{
    protected PayloadGraphType(string resultField)
    {
        Field<TResultGraphType>(resultField).Resolve(ctx => ctx.Source.Result);
        Field<ListGraphType<NonNullGraphType<TErrorUnionGraphType>>>("errors").Resolve(ctx => ctx.Source.Succeeded ? null : ctx.Source.Errors);
    }
}
