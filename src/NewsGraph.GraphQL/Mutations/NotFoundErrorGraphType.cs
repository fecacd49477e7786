using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

public sealed class NotFoundErrorGraphType : ErrorGraphType<NotFoundError>
{
    public NotFoundErrorGraphType()
    {
        Description = "No object of that ID, or none the caller may see.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
    }
}
