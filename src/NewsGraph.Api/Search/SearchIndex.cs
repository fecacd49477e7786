using GraphQL;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Data;
using NewsGraph.Api.Data.PostgreSql;
using NewsGraph.Api.Data.Sqlite;

namespace NewsGraph.Api.Search;

/// <summary>
/// The database's full-text index of whole stories: headline, paragraphs, photo captions, quotes, and
/// the names of the people in the byline and quoted (each in both orders, so "Wook Suh" finds Suh
/// Wook), with the headline indexed apart as well. SQLite keeps it in FTS5 tables, PostgreSQL in a
/// table of tsvectors; triggers keep either in step with every write (the migrations <c>ArchiveSearch</c>).
/// </summary>
public abstract class SearchIndex
{
    /// <summary>Between paragraphs (and captions, quotes) in the indexed text: U+2029, which no tokenizer takes for part of a word.</summary>
    public const char Separator = '\u2029';

    private static readonly SearchIndex Sqlite = new SqliteSearchIndex();
    private static readonly SearchIndex Postgres = new PostgresSearchIndex();

    public static SearchIndex For(NewsDbContext db) => db switch
    {
        SqliteNewsDbContext => Sqlite,
        PostgresNewsDbContext => Postgres,
        _ => throw new NotSupportedException($"No search index for {db.GetType().Name}."),
    };

    /// <summary>Readies <paramref name="db"/> for a search's statements; the result, when there is one, is disposed after them.</summary>
    public virtual Task<IAsyncDisposable?> BeginAsync(NewsDbContext db, CancellationToken cancellationToken)
        => Task.FromResult<IAsyncDisposable?>(null);

    /// <summary>
    /// Runs <paramref name="read"/> on a DbContext (and connection) of its own, readied by <see cref="BeginAsync"/>, off the
    /// caller's thread: a search's walk of every match (its count, its facets' rows) then runs beside the statements of its
    /// page, and one search takes about the time of the longer of the two instead of both (SQLite runs a statement on the
    /// calling thread, async or not).
    /// </summary>
    public static Task<T> ReadBesideAsync<T>(IResolveFieldContext context, Func<NewsDbContext, SearchIndex, CancellationToken, Task<T>> read)
        => Task.Run(async () =>
        {
            await using var db = await context.CreateDbContextAsync();
            var index = For(db);
            await using var statements = await index.BeginAsync(db, context.CancellationToken);
            return await read(db, index, context.CancellationToken);
        });

    /// <summary>Every match of the request, unscored: for counts and facets.</summary>
    public abstract IQueryable<SearchMatch> Matches(NewsDbContext db, SearchRequest request);

    /// <summary>The matches in <paramref name="tier"/>, scored with the tier's score, to be listed newest first (by key).</summary>
    public abstract IQueryable<SearchMatch> InHeadlineTier(NewsDbContext db, SearchRequest request, HeadlineTier tier);

    /// <summary>
    /// The newest <see cref="SearchRanking.RankedMatches"/> matches below every headline tier (<paramref name="lowest"/>:
    /// the last of them; null when there is none), scored by the database's relevance measure times freshness (<see cref="SearchRanking"/>).
    /// </summary>
    public abstract IQueryable<SearchMatch> BelowHeadlines(NewsDbContext db, SearchRequest request, HeadlineTier? lowest);

    /// <summary>The matches below every headline tier older than those <see cref="BelowHeadlines"/> ranks, unscored, to be listed newest first.</summary>
    public abstract IQueryable<SearchMatch> OlderBelowHeadlines(NewsDbContext db, SearchRequest request, HeadlineTier? lowest);

    /// <summary>The rows facets are counted from (<see cref="FacetStatement"/>), one statement for all of <paramref name="matches"/>.</summary>
    public virtual Task<FacetRows> FacetRowsAsync(NewsDbContext db, IQueryable<SearchMatch> matches, CancellationToken cancellationToken)
        => FacetStatement.ReadAsync(db, matches.Select(m => new FacetRow { ArticleId = m.ArticleId, SectionId = m.SectionId, Month = m.Month }), cancellationToken);

    /// <summary>The text of <paramref name="matches"/>, with what the request's query matched marked.</summary>
    public abstract IQueryable<MarkedDocument> Marked(NewsDbContext db, SearchRequest request, IReadOnlyList<SearchMatch> matches);
}
