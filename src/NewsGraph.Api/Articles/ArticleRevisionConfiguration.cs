using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Articles;

public sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.Editor).HasMaxLength(ArticleRevision.EditorMaxLength);
        builder.Property(r => r.Action).HasMaxLength(ArticleRevision.ActionMaxLength);
        builder.HasIndex(r => new { r.ArticleId, r.Version });
    }
}
