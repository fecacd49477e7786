using GraphQL;
using NewsGraph.Api.Articles;

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
    private Task<FacetTallies>? _early;

    /// <summary>How many stories the search matched, from the rows the facets are counted from.</summary>
    public async Task<int> CountAsync(IResolveFieldContext context) => (await RowsAsync(context)).Values.Length;

    /// <summary>
    /// Starts counting the facets of <paramref name="selection"/> as soon as the rows are read, beside the page's
    /// statements, instead of once the engine reaches the facet fields.
    /// </summary>
    public void CountBeside(IResolveFieldContext context, FacetSelection selection) => _early = TallyAsync(context, selection);

    private async Task<FacetTallies> TallyAsync(IResolveFieldContext context, FacetSelection selection)
        => await FacetStatement.TallyAsync(await RowsAsync(context), selection, People(context), context.CancellationToken);

    protected override async Task<FacetCounts> FacetCountsAsync(IResolveFieldContext context, FacetSelection selection)
        => _early is { } early && await early is var tallies && tallies.Cover(selection)
            ? FacetStatement.Group(tallies, selection)
            : await base.FacetCountsAsync(context, selection);

    protected override Task<FacetRows> RowsAsync(IResolveFieldContext context)
    {
        lock (_gate)
            return _rows ??= SearchIndex.ReadBesideAsync(context, (db, index, cancellationToken) => index.FacetRowsAsync(db, request.Matches(db), cancellationToken));
    }
}
