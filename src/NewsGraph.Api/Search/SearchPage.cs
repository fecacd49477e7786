using GraphQL;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.Search;

namespace NewsGraph.Api.Search;

/// <summary>
/// A page of search hits: the first hit whose highlights are asked for fetches the marked text of
/// every hit of the page, in one statement.
/// </summary>
public sealed class SearchPage(SearchRequest request)
{
    public const int SnippetLength = 240;

    private readonly List<SearchMatch> _matches = [];
    private Task<Dictionary<long, MarkedDocument>>? _marked;

    public SearchHit Add(SearchMatch match, int tier)
    {
        _matches.Add(match);
        return new SearchHit(match, request.Score(match, tier), this);
    }

    public async Task<IEnumerable<SearchHighlight>> HighlightsAsync(IResolveFieldContext context, long key)
    {
        _marked ??= FetchAsync(context);
        return (await _marked).TryGetValue(key, out var document) ? Highlights(document) : [];
    }

    private async Task<Dictionary<long, MarkedDocument>> FetchAsync(IResolveFieldContext context)
    {
        await using var db = await context.CreateDbContextAsync();
        var marked = await SearchIndex.For(db).Marked(db, request, _matches).AsNoTracking().ToListAsync(context.CancellationToken);
        return marked.ToDictionary(m => m.Key);
    }

    /// <summary>The headline when it matched, then the paragraphs, captions and quotes with the most matches, in story order among equals.</summary>
    private static IEnumerable<SearchHighlight> Highlights(MarkedDocument document)
    {
        var headline = HighlightedText.Split(document.Headline, SearchIndex.Separator)[0];
        var parts = Parts(SearchField.Paragraph, document.Body)
            .Concat(Parts(SearchField.Caption, document.Captions))
            .Concat(Parts(SearchField.Quote, document.Quotes))
            .OrderByDescending(h => h.Snippet.Matches.Count);
        return headline.Matches.Count > 0 ? parts.Prepend(new SearchHighlight(SearchField.Headline, null, headline)) : parts;
    }

    private static IEnumerable<SearchHighlight> Parts(SearchField field, string marked)
        => HighlightedText.Split(marked, SearchIndex.Separator)
            .Select((text, i) => (text, i))
            .Where(p => p.text.Matches.Count > 0)
            .Select(p => new SearchHighlight(field, p.i + 1, p.text.Window(SnippetLength)));
}
