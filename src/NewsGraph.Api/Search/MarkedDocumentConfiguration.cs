using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Search;

public sealed class MarkedDocumentConfiguration : IEntityTypeConfiguration<MarkedDocument>
{
    // Not a table: read with FromSql (FTS5's highlight(), PostgreSQL's ts_headline()).
    public void Configure(EntityTypeBuilder<MarkedDocument> builder) => builder.HasNoKey().ToView(null);
}
