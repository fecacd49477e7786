using GraphQL.Types;
using NewsGraph.GraphQL.Fields;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Articles;

// Connection types take their names from the fields (Hot Chocolate's convention): `articles`
// gives ArticlesConnection and ArticlesEdge, on Query and on Person alike.

public sealed class ArticlesConnectionGraphType : ConnectionGraphType<ArticleGraphType, ArticlesEdgeGraphType>
{
    public ArticlesConnectionGraphType()
    {
        Field<NonNullGraphType<ArticleFacetsGraphType>>("facets")
            .Description("Counts of all the stories of the connection (its filter, not its page) by section, month and person.")
            .Resolve(ctx => new ConnectionFacets(ctx.Source.Source as ConnectionSource<Article> ?? throw new InvalidOperationException("This connection does not say what it was selected from.")));
    }
}
