using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Articles;

public sealed class HeadlineMatchConfiguration : IEntityTypeConfiguration<HeadlineMatch>
{
    // Not a table of its own: read with FromSql over the ArticleHeadlines virtual table (see the migration).
    public void Configure(EntityTypeBuilder<HeadlineMatch> builder) => builder.HasNoKey().ToView(null);
}
