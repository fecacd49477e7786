using GraphQL.Types;

namespace NewsGraph.Api.Articles;

public sealed class ArticleStatusGraphType : EnumerationGraphType<ArticleStatus>
{
    public ArticleStatusGraphType()
    {
        Name = "ArticleStatus";
    }
}
