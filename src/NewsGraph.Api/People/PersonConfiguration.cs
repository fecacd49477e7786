using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.People;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.Name);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Organization).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
