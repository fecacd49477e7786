using GraphQL.Types;

namespace NewsGraph.Api.Articles;

public sealed class ArticleEventKindGraphType : EnumerationGraphType<ArticleEventKind>
{
    public ArticleEventKindGraphType()
    {
        Name = "ArticleEventKind";
    }
}
