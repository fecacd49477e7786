using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

public static class MutationFieldExtensions
{
    /// <summary>
    /// A mutation as Hot Chocolate's conventions shape it: <c>name(input: XInput!): XPayload!</c>.
    /// Resolve it with <see cref="ResolveInputAsync"/>.
    /// </summary>
    public static FieldBuilder<object?, object> Mutation<TPayloadGraphType, TInputGraphType>(this ObjectGraphType mutation, string name, string description)
        where TPayloadGraphType : IGraphType
        where TInputGraphType : IInputObjectGraphType
        => mutation.Field<NonNullGraphType<TPayloadGraphType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputGraphType>>("input");

    /// <summary>Resolves with the <c>input</c> argument as the record its input type binds it to.</summary>
    public static FieldBuilder<object?, object> ResolveInputAsync<TInput, TPayload>(
        this FieldBuilder<object?, object> field, Func<IResolveFieldContext, TInput, Task<TPayload>> resolve)
        => field.ResolveAsync(async ctx => await resolve(ctx, ctx.GetArgument<TInput>("input")));
}
