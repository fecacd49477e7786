using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace NewsGraph.Api.Data.PostgreSql;

/// <summary>
/// The model on PostgreSQL, with its migrations in <c>PostgreSql/Migrations</c>. What SQLite does
/// by nature is asked for here, so both answer alike: text compares and sorts byte by byte (the
/// <c>C</c> collation, whatever the database's default), and nulls sort first in ascending order
/// (<see cref="NullsFirstQuerySqlGeneratorFactory"/>, with indexes built that way). Headline
/// substrings are served by pg_trgm GIN indexes on the headline and on its lower case.
/// </summary>
public sealed class PostgresNewsDbContext(DbContextOptions<PostgresNewsDbContext> options) : NewsDbContext(options)
{
    /// <summary>The planner uses the trigram indexes for the filter's own <c>LIKE</c>.</summary>
    public override IQueryable<HeadlineMatch>? HeadlineCandidates(string term) => null;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(string)))
            property.SetCollation("C");

        modelBuilder.Entity<Article>(article =>
        {
            article.HasIndex(a => a.Headline, "IX_Articles_Headline_Trigrams").HasMethod("gin").HasOperators("gin_trgm_ops");
            article.HasIndex(a => new { a.Status, a.PublishedAt, a.Id }).HasNullSortOrder(NullSortOrder.NullsFirst, NullSortOrder.NullsFirst, NullSortOrder.NullsFirst);
            article.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt, a.Id })
                .HasNullSortOrder(NullSortOrder.NullsFirst, NullSortOrder.NullsFirst, NullSortOrder.NullsFirst, NullSortOrder.NullsFirst);
        });
    }
}
