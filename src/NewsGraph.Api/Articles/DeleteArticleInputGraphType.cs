using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class DeleteArticleInputGraphType : InputGraphType<DeleteArticleInput>
{
    public DeleteArticleInputGraphType()
    {
        Name = "DeleteArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
    }

    protected override DeleteArticleInput Bind(InputFields fields) => new(fields.Id("id")!, fields.Number("version")!.Value);
}
