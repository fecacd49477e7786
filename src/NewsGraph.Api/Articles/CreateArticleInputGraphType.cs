using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class CreateArticleInputGraphType : ArticleFieldsInputGraphType<CreateArticleInput>
{
    public CreateArticleInputGraphType()
    {
        Name = "CreateArticleInput";
        ArticleFields(headlineRequired: true);
    }

    protected override CreateArticleInput Bind(InputFields fields) => new(BindArticleFields(fields));
}
