using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Articles;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Slug).HasMaxLength(200);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Headline).HasMaxLength(500);
        builder.Property(a => a.RevisionLabel).HasMaxLength(20);
        builder.Property(a => a.Genre).HasMaxLength(50);
        builder.Property(a => a.Language).HasMaxLength(35);
        builder.Property(a => a.DatelineSource).HasMaxLength(100);
        builder.Property(a => a.DatelineDate).HasMaxLength(30);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.EditorNotes).HasMaxLength(4000);
        builder.Property(a => a.WithdrawalNotice).HasMaxLength(2000);
        builder.Ignore(a => a.PublishedAtLocal);

        builder.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Bylines).WithOne(b => b.Article).HasForeignKey(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Images).WithOne().HasForeignKey(i => i.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Quotes).WithOne().HasForeignKey(q => q.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Corrections).WithOne().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);

        // "Latest first" pages, overall and per section, seek by (publishedAt, id) keyset cursors;
        // the status leads because every public list filters on it.
        builder.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt, a.Id });
    }
}

public sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Slug).HasMaxLength(100);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}

public sealed class BylineConfiguration : IEntityTypeConfiguration<Byline>
{
    public void Configure(EntityTypeBuilder<Byline> builder)
    {
        builder.HasKey(b => new { b.ArticleId, b.PersonId });
        builder.HasIndex(b => new { b.PersonId, b.ArticleId });
        builder.HasOne(b => b.Person).WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.HasIndex(q => new { q.ArticleId, q.Position });
        builder.HasIndex(q => q.SpeakerId);
        builder.Property(q => q.SpeakerTitle).HasMaxLength(200);
        builder.HasOne(q => q.Speaker).WithMany().HasForeignKey(q => q.SpeakerId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(2000);
        builder.HasIndex(c => new { c.ArticleId, c.Id });
    }
}

public sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.Editor).HasMaxLength(200);
        builder.Property(r => r.Action).HasMaxLength(40);
        builder.HasIndex(r => new { r.ArticleId, r.Version });
    }
}
