using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Articles;

public sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(Correction.TextMaxLength);
        builder.HasIndex(c => new { c.ArticleId, c.Id });
    }
}
