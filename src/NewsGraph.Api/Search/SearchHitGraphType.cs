using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Articles;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Search;

public sealed class SearchHitGraphType : ObjectGraphType<SearchHit>
{
    public SearchHitGraphType()
    {
        Name = "SearchHit";
        Description = "A story the search found, how well it matched, and the snippets that matched.";
        Field<NonNullGraphType<ArticleGraphType>>("article")
            .ResolverCost()
            .Resolve(ctx => ArticleVisibility.Load(ctx, ctx.Source.Match.ArticleId));
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Relevance, higher first: 3 the query's words as a phrase in the headline, 2 all of the query in the headline, between 1 and 2 part of it (by the share), under 1 none of it in the headline (the database's relevance measure, for the newest 1,000 such stories; 0 for older ones). Stories of equal score are listed newest first.")
            .Resolve(ctx => ctx.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHighlightGraphType>>>>("highlights")
            .Description("Snippets that matched: the headline first when it did, then the paragraphs, captions and quotes with the most matches (5 unless `first` says otherwise).")
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .ResolverCost()
            .ListSize(assumedSize: 50, slicingArgumentDefaultValue: DefaultHighlights, "first")
            .ResolveAsync(async ctx =>
            {
                var first = ctx.GetArgument<int?>("first") is null
                    ? DefaultHighlights
                    : PageRequest.From(ctx, ctx.RequestServices!.GetRequiredService<IOptions<PagingOptions>>().Value).Size;
                return (await ctx.Source.Page.HighlightsAsync(ctx, ctx.Source.Match.Key)).Take(first).ToList();
            });
    }

    private const int DefaultHighlights = 5;
}
