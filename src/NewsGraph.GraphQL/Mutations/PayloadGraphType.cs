using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// <c>XPayload</c>: the result under <c>resultField</c> (camelCase of its type's name, as Hot
/// Chocolate names it) and <c>errors: [XError!]</c>, null when there are none, where <c>XError</c> is
/// the union of <c>errorTypes</c>. Subclass once per mutation: <c>UpdatePersonPayloadGraphType</c>
/// is <c>UpdatePersonPayload</c>, with the union <c>UpdatePersonError</c>.
/// </summary>
public abstract class PayloadGraphType<T, TResultGraphType> : ObjectGraphType<Payload<T>>
    where TResultGraphType : IGraphType
{
    protected PayloadGraphType(string resultField, params Type[] errorTypes)
    {
        Field<TResultGraphType>(resultField).Resolve(ctx => ctx.Source.Result);
        Field("errors", ErrorUnion.ListOf(ErrorUnion.NameFor(Name), errorTypes))
            .Resolve(ctx => ctx.Source.Succeeded ? null : ctx.Source.Errors);
    }
}
