using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

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
