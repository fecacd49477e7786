using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Articles;

public sealed class ArticleFacetsGraphType : ObjectGraphType<ArticleFacets>
{
    public ArticleFacetsGraphType()
    {
        Name = "ArticleFacets";
        Description = "Counts of the stories (all of them, not only a page) by section, month, byline and quoted person. Each is counted by the database when selected.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionFacetGraphType>>>>("sections")
            .Description("Every section with stories among them, most stories first.")
            .ResolverCost()
            .ListSize(assumedSize: 50)
            .ResolveAsync(async ctx =>
            {
                var counts = await ctx.Source.SectionsAsync(ctx);
                var sections = await ctx.RequestServices!.GetRequiredService<SectionCatalog>().GetAsync([.. counts.Select(c => c.Key)], ctx.CancellationToken);
                return counts.Select(c => new SectionFacet(sections[c.Key], c.Count)).OrderByDescending(f => f.Count).ThenBy(f => f.Section.Name, StringComparer.Ordinal).ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MonthFacetGraphType>>>>("months")
            .Description("Months of publication, newest first (`first` of them, or all).")
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .ResolverCost()
            .ListSize(assumedSize: 120, "first")
            .ResolveAsync(async ctx =>
            {
                var first = ctx.GetArgument<int?>("first");
                if (first < 0)
                    throw PagingErrors.NegativePageSize($"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}", first.Value);
                return (await ctx.Source.MonthsAsync(ctx, first)).Select(c => new MonthFacet(ArticleFacets.MonthName(c.Key), c.Count)).ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonFacetGraphType>>>>("bylines")
            .Description("The people the bylines credit most often, on most stories first (10 unless `first` says otherwise).")
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .ResolverCost()
            .ListSize(assumedSize: 50, slicingArgumentDefaultValue: 10, "first")
            .ResolveAsync(async ctx => (await ctx.Source.BylinesAsync(ctx, First(ctx))).Select(c => new PersonFacet(c.Key, c.Count)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonFacetGraphType>>>>("quotedPeople")
            .Description("The people quoted in most stories, most first (10 unless `first` says otherwise).")
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .ResolverCost()
            .ListSize(assumedSize: 50, slicingArgumentDefaultValue: 10, "first")
            .ResolveAsync(async ctx => (await ctx.Source.QuotedPeopleAsync(ctx, First(ctx))).Select(c => new PersonFacet(c.Key, c.Count)).ToList());
    }

    // As a page: 10 by default, at most Paging:MaxPageSize (HC0051), never negative (HC0079).
    private static int First(IResolveFieldContext context)
        => PageRequest.From(context, context.RequestServices!.GetRequiredService<IOptions<PagingOptions>>().Value).Size;
}
