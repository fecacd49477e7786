using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;
using NewsGraph.GraphQL.PersistedOperations;

namespace NewsGraph.Api.Data;

/// <summary>
/// The content model, the same on every provider; <see cref="Sqlite.SqliteNewsDbContext"/> and
/// <see cref="PostgreSql.PostgresNewsDbContext"/> add what their database does its own way, and each
/// owns its migrations. The application asks for <c>IDbContextFactory&lt;NewsDbContext&gt;</c>.
/// </summary>
public abstract class NewsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Byline> Bylines => Set<Byline>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<Correction> Corrections => Set<Correction>();
    public DbSet<ArticleRevision> Revisions => Set<ArticleRevision>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Image> Images => Set<Image>();
    public DbSet<ArticleImage> ArticleImages => Set<ArticleImage>();
    public DbSet<ReaderFeedback> Feedback => Set<ReaderFeedback>();

    /// <summary>
    /// Stories whose headline may contain <paramref name="term"/> (three characters or more), from an
    /// index the filter cannot use by itself; null when the database uses its index for the filter
    /// directly (see <see cref="HeadlineSearch"/>), or when the index cannot search for the term.
    /// </summary>
    public abstract IQueryable<HeadlineMatch>? HeadlineCandidates(string term);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly).AddTrustedDocuments();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite forgets the kind, so it is put back on the way out (and PostgreSQL's timestamptz needs it).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
