using GraphQL;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Data;

namespace NewsGraph.Api.Search;

/// <summary>
/// The facets of every story a search matched, counted from the index (readers' searches count published
/// stories only). The matches are read once a request, and the search's <c>totalCount</c> is their number
/// when facets are selected too: one walk of the index instead of two.
/// </summary>
public sealed class SearchFacets(SearchRequest request) : ArticleFacets
{
    private readonly Lock _gate = new();
    private Task<FacetRows>? _rows;

    /// <summary>How many stories the search matched, from the rows the facets are counted from.</summary>
    public async Task<int> CountAsync(IResolveFieldContext context) => (await RowsAsync(context)).Values.Length;

    protected override Task<FacetRows> RowsAsync(IResolveFieldContext context)
    {
        lock (_gate)
            return _rows ??= ReadAsync(context);
    }

    private async Task<FacetRows> ReadAsync(IResolveFieldContext context)
    {
        await using var db = await context.CreateDbContextAsync();
        var index = SearchIndex.For(db);
        await using var statements = await index.BeginAsync(db, context.CancellationToken);
        return await index.FacetRowsAsync(db, request.Matches(db), context.CancellationToken);
    }
}
