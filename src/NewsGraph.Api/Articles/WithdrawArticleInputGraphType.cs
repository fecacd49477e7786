using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class WithdrawArticleInputGraphType : InputGraphType<WithdrawArticleInput>
{
    public WithdrawArticleInputGraphType()
    {
        Name = "WithdrawArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
        Field<NonNullGraphType<StringGraphType>>("notice").Description("What readers following a link to the story are told.");
    }

    protected override WithdrawArticleInput Bind(InputFields fields)
        => new(fields.Id("id")!, fields.Number("version")!.Value, fields.Value<string>("notice"));
}
