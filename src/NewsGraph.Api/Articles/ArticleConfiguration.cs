using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Articles;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Slug).HasMaxLength(Article.SlugMaxLength);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Headline).HasMaxLength(Article.HeadlineMaxLength);
        builder.Property(a => a.RevisionLabel).HasMaxLength(Article.RevisionLabelMaxLength);
        builder.Property(a => a.Genre).HasMaxLength(Article.GenreMaxLength);
        builder.Property(a => a.Language).HasMaxLength(Article.LanguageMaxLength);
        builder.Property(a => a.DatelineSource).HasMaxLength(Article.DatelineSourceMaxLength);
        builder.Property(a => a.DatelineDate).HasMaxLength(Article.DatelineDateMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.EditorNotes).HasMaxLength(Article.EditorNotesMaxLength);
        builder.Property(a => a.WithdrawalNotice).HasMaxLength(Article.WithdrawalNoticeMaxLength);
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
