using System.Globalization;
using GraphQL;
using GraphQL.DataLoader;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Articles;

/// <summary>
/// Counts of a set of stories by section, month of publication, byline person and quoted person.
/// The facets a request selects are counted together, in one statement over one materialized read
/// of the set (<see cref="FacetStatement"/>), when the first of them is awaited: the engine awaits
/// them only after every facet field of the level has said what it wants. The set is what a connection
/// holds (<see cref="ConnectionFacets"/>, a search's matches), so the caller's visibility applies:
/// readers never count drafts.
/// </summary>
public abstract class ArticleFacets
{
    private readonly object _gate = new();
    private Batch? _pending;

    /// <summary>The set's rows (<see cref="FacetStatement"/>), read in a DbContext of their own.</summary>
    protected abstract Task<FacetRows> RowsAsync(IResolveFieldContext context);

    /// <summary>The facets <paramref name="selection"/> asks for, counted from <see cref="RowsAsync"/>.</summary>
    protected virtual async Task<FacetCounts> FacetCountsAsync(IResolveFieldContext context, FacetSelection selection)
        => await FacetStatement.CountAsync(await RowsAsync(context), selection, People(context), context.CancellationToken);

    protected static ArticlePeople People(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ArticlePeople>();

    public IDataLoaderResult<List<CountGroup<int>>> Sections(IResolveFieldContext context)
        => Want(context, s => s.Sections = true).Then(c => c.Sections);

    /// <summary>Newest month first.</summary>
    public IDataLoaderResult<List<CountGroup<int>>> Months(IResolveFieldContext context, int? first)
        => Want(context, s => s.Months = true).Then(c => c.Months.Take(first ?? int.MaxValue).ToList());

    /// <summary>The people credited on the most stories (a story credits a person once: the bylines' key).</summary>
    public IDataLoaderResult<List<CountGroup<int>>> Bylines(IResolveFieldContext context, int first)
        => Want(context, s => s.Bylines = Math.Max(s.Bylines, first)).Then(c => c.Bylines.Take(first).ToList());

    /// <summary>The people quoted in the most stories, each story counted once.</summary>
    public IDataLoaderResult<List<CountGroup<int>>> QuotedPeople(IResolveFieldContext context, int first)
        => Want(context, s => s.QuotedPeople = Math.Max(s.QuotedPeople, first)).Then(c => c.QuotedPeople.Take(first).ToList());

    private Batch Want(IResolveFieldContext context, Action<FacetSelection> want)
    {
        lock (_gate)
        {
            _pending ??= new Batch(this, context);
            want(_pending.Selection);
            return _pending;
        }
    }

    /// <summary>The facets wanted until the first of them is awaited; a facet wanted after that starts a batch of its own.</summary>
    private sealed class Batch(ArticleFacets facets, IResolveFieldContext context) : IDataLoaderResult<FacetCounts>
    {
        private Task<FacetCounts>? _counts;

        public FacetSelection Selection { get; } = new();

        public Task<FacetCounts> GetResultAsync(CancellationToken cancellationToken = default)
        {
            lock (facets._gate)
            {
                if (facets._pending == this)
                    facets._pending = null;
                return _counts ??= facets.FacetCountsAsync(context, Selection);
            }
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    /// <summary><c>2020-11</c> for the month index of November 2020 (months since January 1900).</summary>
    public static string MonthName(int month)
        => string.Create(CultureInfo.InvariantCulture, $"{1900 + month / 12:0000}-{month % 12 + 1:00}");
}
