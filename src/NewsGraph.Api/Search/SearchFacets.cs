using GraphQL;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Data;

namespace NewsGraph.Api.Search;

/// <summary>The facets of every story a search matched, counted from the index (readers' searches count published stories only).</summary>
public sealed class SearchFacets(SearchRequest request) : ArticleFacets
{
    protected override async Task<T> QueryAsync<T>(IResolveFieldContext context, Func<IQueryable<FacetRow>, NewsDbContext, Task<T>> run)
    {
        await using var db = await context.CreateDbContextAsync();
        await using var statements = await SearchIndex.For(db).BeginAsync(db, context.CancellationToken);
        var rows = request.Matches(db).Select(m => new FacetRow { ArticleId = m.ArticleId, SectionId = m.SectionId, Month = m.Month });
        return await run(rows, db);
    }
}
