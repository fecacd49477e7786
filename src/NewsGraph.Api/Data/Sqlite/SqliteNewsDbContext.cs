using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Data.Sqlite;

/// <summary>The model on the embedded SQLite file, with its migrations in <c>Sqlite/Migrations</c>.</summary>
public sealed class SqliteNewsDbContext(DbContextOptions<SqliteNewsDbContext> options) : NewsDbContext(options)
{
    /// <summary>
    /// Candidates from the <c>ArticleHeadlines</c> FTS5 trigram index, the term quoted so no character has a query meaning;
    /// none for a term with a NUL character, which FTS5 reads as the end of the query ("unterminated string").
    /// </summary>
    public override IQueryable<HeadlineMatch>? HeadlineCandidates(string term)
    {
        if (term.Contains('\0', StringComparison.Ordinal))
            return null;
        var phrase = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return Set<HeadlineMatch>().FromSql($"SELECT rowid AS \"Id\" FROM \"ArticleHeadlines\" WHERE \"ArticleHeadlines\" MATCH {phrase}");
    }
}
