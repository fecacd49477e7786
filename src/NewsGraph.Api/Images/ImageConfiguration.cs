using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Images;

public sealed class ImageConfiguration : IEntityTypeConfiguration<Image>
{
    public void Configure(EntityTypeBuilder<Image> builder)
    {
        builder.Property(i => i.Url).HasMaxLength(Image.UrlMaxLength);
        builder.Property(i => i.Credit).HasMaxLength(Image.CreditMaxLength);
        builder.Property(i => i.Provider).HasMaxLength(Image.ProviderMaxLength);
        builder.Property(i => i.RightsNote).HasMaxLength(Image.RightsNoteMaxLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
