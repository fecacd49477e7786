using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;
using NewsGraph.GraphQL.PersistedOperations;

namespace NewsGraph.Api.Data;

public sealed class NewsDbContext(DbContextOptions<NewsDbContext> options) : DbContext(options)
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

    /// <summary>Stories whose headline may contain the FTS5 <paramref name="phrase"/> (see <see cref="HeadlineSearch"/>).</summary>
    public IQueryable<HeadlineMatch> HeadlineMatches(string phrase)
        => Set<HeadlineMatch>().FromSql($"SELECT rowid AS \"Id\" FROM \"ArticleHeadlines\" WHERE \"ArticleHeadlines\" MATCH {phrase}");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly).AddTrustedDocuments();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite forgets the kind, so it is put back on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
