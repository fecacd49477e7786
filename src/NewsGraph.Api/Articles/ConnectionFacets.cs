using System.Linq.Expressions;
using GraphQL;
using NewsGraph.GraphQL.Fields;

namespace NewsGraph.Api.Articles;

/// <summary>The facets of what an <c>articles</c> connection holds: its filter, the caller's view, every page.</summary>
public sealed class ConnectionFacets(ConnectionSource<Article> source) : ArticleFacets
{
    // The month in the story's own offset, as the search index keys it.
    private static readonly Expression<Func<Article, FacetRow>> Row = a => new FacetRow
    {
        ArticleId = a.Id,
        SectionId = a.SectionId,
        Month = a.PublishedAt == null
            ? 0
            : (a.PublishedAt.Value.AddMinutes(a.PublishedOffsetMinutes).Year - 1900) * 12 + a.PublishedAt.Value.AddMinutes(a.PublishedOffsetMinutes).Month - 1,
    };

    protected override Task<FacetRows> RowsAsync(IResolveFieldContext context)
        => source.QueryAsync(context, (articles, db) => FacetStatement.ReadAsync((NewsDbContext)db, articles.Select(Row), context.CancellationToken));
}
