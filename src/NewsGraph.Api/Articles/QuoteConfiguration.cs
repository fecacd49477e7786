using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsGraph.Api.Articles;

public sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.HasIndex(q => new { q.ArticleId, q.Position });
        builder.HasIndex(q => q.SpeakerId);
        // Who a story quotes, read from the index alone: the quoted-people facets count stories by speaker.
        builder.HasIndex(q => new { q.ArticleId, q.SpeakerId });
        builder.Property(q => q.SpeakerTitle).HasMaxLength(Quote.SpeakerTitleMaxLength);
        builder.Property(q => q.Source).HasMaxLength(Quote.SourceMaxLength);
        builder.Property(q => q.UnattributedReason).HasMaxLength(Quote.UnattributedReasonMaxLength);
        builder.HasOne(q => q.Speaker).WithMany().HasForeignKey(q => q.SpeakerId).OnDelete(DeleteBehavior.SetNull);
    }
}
