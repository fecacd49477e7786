using GraphQL.Types;
using NewsGraph.Api.Articles;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Search;

public sealed class SearchConnectionGraphType : ConnectionGraphType<SearchHitGraphType, SearchEdgeGraphType>
{
    public SearchConnectionGraphType()
    {
        Field<NonNullGraphType<ArticleFacetsGraphType>>("facets")
            .Description("Counts of every story the search found (not only this page) by section, month and person.")
            .Resolve(ctx => ctx.Source.Source as ArticleFacets ?? throw new InvalidOperationException("A search connection carries its facets."));
    }
}
