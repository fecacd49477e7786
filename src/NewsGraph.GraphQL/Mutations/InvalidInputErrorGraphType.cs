using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

public sealed class InvalidInputErrorGraphType : ErrorGraphType<InvalidInputError>
{
    public InvalidInputErrorGraphType()
    {
        Description = "An input field whose value cannot be used.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("The input field, as named in the input type.").Resolve(ctx => ctx.Source.Field);
    }
}
