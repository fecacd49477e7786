using NewsGraph.Api.Data.PostgreSql;
using NewsGraph.Api.Data.Sqlite;
using NewsGraph.GraphQL.Search;

namespace NewsGraph.Api.Search;

/// <summary>
/// The database's full-text index of whole stories: headline, paragraphs, photo captions, quotes, and
/// the names of the people in the byline and quoted (each in both orders, so "Wook Suh" finds Suh
/// Wook). SQLite keeps it in FTS5 tables, PostgreSQL in a table of tsvectors; triggers keep either in
/// step with every write (see the migrations <c>ArchiveSearch</c>).
/// </summary>
public abstract class SearchIndex
{
    /// <summary>Between paragraphs (and captions, quotes) in the indexed text: U+2029, which no tokenizer takes for part of a word.</summary>
    public const char Separator = '\u2029';

    public static SearchIndex For(NewsDbContext db) => db switch
    {
        SqliteNewsDbContext => Sqlite,
        PostgresNewsDbContext => Postgres,
        _ => throw new NotSupportedException($"No search index for {db.GetType().Name}."),
    };

    private static readonly SearchIndex Sqlite = new SqliteSearchIndex();
    private static readonly SearchIndex Postgres = new PostgresSearchIndex();

    /// <summary>
    /// The matches of <paramref name="query"/> in <paramref name="tier"/>, published stories only when
    /// <paramref name="publishedOnly"/>; scored when <paramref name="ranked"/> (<paramref name="today"/>:
    /// <see cref="SearchRanking.Today"/>), else with score 0, which costs less.
    /// </summary>
    public abstract IQueryable<SearchMatch> Matches(NewsDbContext db, SearchQuery query, SearchTier tier, bool publishedOnly, bool ranked, double today);

    /// <summary>The text of the stories with <paramref name="keys"/>, with what <paramref name="query"/> matched marked.</summary>
    public abstract IQueryable<MarkedDocument> Marked(NewsDbContext db, SearchQuery query, IReadOnlyList<long> keys);
}
