using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.Filtering;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Projection;
using NewsGraph.GraphQL.Search;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.Api.Search;

public static class SearchQueries
{
    /// <summary>Hits by tier (HeadlineTier: how much of the query the headline holds; then the rest), score, key: the newest of equals first.</summary>
    private static readonly TieredPages<SearchMatch> Pages = new(
    [
        new OrderKey((Expression<Func<SearchMatch, double>>)(m => m.Score), Descending: true),
        new OrderKey((Expression<Func<SearchMatch, long>>)(m => m.Key), Descending: true),
    ]);

    public static void AddSearchQueries(this ObjectGraphType query)
    {
        query.Field<SearchConnectionGraphType>("search")
            .Description("Whole stories (headline, paragraphs, captions, quotes, names) ranked by relevance, with highlights and facets. "
                + "The query language: words (all must match, in any form: `tariffs` finds `tariff`), \"exact phrases\", `-excluded` words or phrases, "
                + "`prefix*`, `OR` between terms. Stories whose headline holds the query come first, newest first within each tier; of the rest, the newest 1,000 are ranked by relevance "
                + "and older ones follow, newest first. Published stories only, unless you are an editor. A query that cannot be read gets SEARCH_QUERY_INVALID with its position.")
            .Argument<NonNullGraphType<StringGraphType>>("query", arg => arg.ApplyDirective(CostDirective.DirectiveName, "weight", "20"))
            .Argument<ArticleFilterInputType>("where")
            .PagingArguments()
            .ResolverCost()
            .ResponseKeys(ctx => ArticleCacheKeys.ForFilter(ctx.Arguments?.TryGetValue("where", out var where) == true ? where.Value : null))
            .ResolveAsync(ResolveAsync);
    }

    private static async Task<object?> ResolveAsync(IResolveFieldContext<object?> context)
    {
        var query = SearchQueryParser.Parse(context.GetArgument<string>("query"), SearchStopWords.Contains);
        var pageRequest = PageRequest.From(context, context.RequestServices!.GetRequiredService<IOptions<PagingOptions>>().Value);
        var where = context.Arguments?.TryGetValue("where", out var w) == true ? w.Value : null;
        var filter = where is null ? null : FilterTranslator.ToPredicate<Article>(context.FieldDefinition.Arguments!.Find("where")!.ResolvedType!, where);
        var time = context.RequestServices!.GetRequiredService<TimeProvider>();
        var request = new SearchRequest(query, filter, PublishedOnly: !context.User.IsEditor(), SearchRanking.Today(time));

        // With a facet to count, the count is the number of the rows it is counted from: one walk of the index for both.
        // The walk runs beside the page's statements (SearchIndex.ReadBesideAsync), and so does the facets' counting.
        var facets = new SearchFacets(request);
        var counted = FacetSelection.Named(SelectedMembers.NamesUnder(context, "facets"));
        if (!counted.IsEmpty)
            facets.CountBeside(context, counted);
        var total = !SelectedMembers.AsksFor(context, "totalCount") ? Task.FromResult<int?>(null)
            : !counted.IsEmpty ? CountOf(facets.CountAsync(context))
            : SearchIndex.ReadBesideAsync(context, async (own, _, cancellationToken) => (int?)await request.Matches(own).CountAsync(cancellationToken));
        await using var db = await context.CreateDbContextAsync();
        await using var statements = await SearchIndex.For(db).BeginAsync(db, context.CancellationToken);
        var hits = new SearchPage(request);
        var tiers = request.Tiers(db).Select(t => t.AsNoTracking()).ToList();
        var page = Pages.PageAsync(tiers, pageRequest, hits.Add, totalCount: null, context.CancellationToken);
        await Task.WhenAll(page, total); // the page's error first, when both fail
        var connection = await page;
        return new Connection { Edges = connection.Edges, PageInfo = connection.PageInfo, TotalCount = await total, Source = facets };
    }

    private static async Task<int?> CountOf(Task<int> count) => await count;
}
