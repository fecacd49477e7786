using Microsoft.EntityFrameworkCore;

namespace NewsGraph.GraphQL.PersistedOperations;

public static class TrustedDocumentModelBuilderExtensions
{
    /// <summary>The <c>TrustedDocuments</c> table, for an application that keeps trusted documents in its database.</summary>
    public static ModelBuilder AddTrustedDocuments(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TrustedDocument>(document =>
        {
            document.ToTable("TrustedDocuments");
            document.HasKey(d => d.Id);
            document.Property(d => d.Id).HasMaxLength(OperationDocumentId.MaxLength);
            document.Property(d => d.Document).IsRequired();
        });
        return modelBuilder;
    }
}
