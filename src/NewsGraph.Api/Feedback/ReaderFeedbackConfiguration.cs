using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Feedback;

public sealed class ReaderFeedbackConfiguration : IEntityTypeConfiguration<ReaderFeedback>
{
    public void Configure(EntityTypeBuilder<ReaderFeedback> builder)
    {
        builder.ToTable("Feedback");
        builder.Property(f => f.Message).HasMaxLength(ReaderFeedback.MessageMaxLength);
        builder.Property(f => f.ContactEmail).HasMaxLength(ReaderFeedback.ContactEmailMaxLength);
        builder.Property(f => f.SubmittedBy).HasMaxLength(ReaderFeedback.SubmittedByMaxLength);
        builder.HasIndex(f => new { f.Status, f.CreatedAt, f.Id });
        builder.HasOne<Article>().WithMany().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(f => f.ArticleId);
        builder.HasIndex(f => new { f.CreatedAt, f.Id });
        builder.ToTable(t => t.HasCheckConstraint("CK_Feedback_Rating", "\"Rating\" IS NULL OR (\"Rating\" BETWEEN 1 AND 5)"));
    }
}
