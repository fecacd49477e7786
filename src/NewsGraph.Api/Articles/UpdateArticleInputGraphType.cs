using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class UpdateArticleInputGraphType : ArticleFieldsInputGraphType<UpdateArticleInput>
{
    public UpdateArticleInputGraphType()
    {
        Name = "UpdateArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version").Description("The version the change is based on.");
        ArticleFields(headlineRequired: false);
    }

    protected override UpdateArticleInput Bind(InputFields fields) => new(fields.Id("id")!, fields.Number("version")!.Value, BindArticleFields(fields));
}
