using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Search;

public sealed class SearchMatchConfiguration : IEntityTypeConfiguration<SearchMatch>
{
    // Not a table: read with FromSql over the provider's search index (see SqliteSearchIndex, PostgresSearchIndex).
    public void Configure(EntityTypeBuilder<SearchMatch> builder) => builder.HasNoKey().ToView(null);
}
