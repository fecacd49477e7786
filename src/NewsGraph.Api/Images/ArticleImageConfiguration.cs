using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Images;

public sealed class ArticleImageConfiguration : IEntityTypeConfiguration<ArticleImage>
{
    public void Configure(EntityTypeBuilder<ArticleImage> builder)
    {
        builder.HasKey(l => new { l.ArticleId, l.ImageId });
        builder.HasIndex(l => new { l.ArticleId, l.Position });
        builder.HasIndex(l => l.ImageId);
        builder.HasOne(l => l.Image).WithMany().HasForeignKey(l => l.ImageId).OnDelete(DeleteBehavior.Cascade);
    }
}
