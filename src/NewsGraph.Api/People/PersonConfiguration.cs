using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.People;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
        builder.HasIndex(p => p.Name);
        builder.Property(p => p.Title).HasMaxLength(Person.TitleMaxLength);
        builder.Property(p => p.Organization).HasMaxLength(Person.OrganizationMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
