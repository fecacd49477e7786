using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Articles;

public sealed class BylineConfiguration : IEntityTypeConfiguration<Byline>
{
    public void Configure(EntityTypeBuilder<Byline> builder)
    {
        builder.HasKey(b => new { b.ArticleId, b.PersonId });
        builder.HasIndex(b => new { b.PersonId, b.ArticleId });
        builder.HasOne(b => b.Person).WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
