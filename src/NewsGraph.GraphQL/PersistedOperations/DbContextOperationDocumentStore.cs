using Microsoft.EntityFrameworkCore;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Trusted documents in the application's database (its model calls
/// <see cref="TrustedDocumentModelBuilderExtensions.AddTrustedDocuments"/>), so every instance
/// of a deployment sees what one registered.
/// </summary>
public sealed class DbContextOperationDocumentStore<TContext>(IDbContextFactory<TContext> contexts, TimeProvider clock) : IOperationDocumentStore
    where TContext : DbContext
{
    public async ValueTask<string?> TryReadAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Set<TrustedDocument>().AsNoTracking().Where(d => d.Id == id).Select(d => d.Document)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SaveAsync(string id, string document, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Set<TrustedDocument>().AnyAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false))
            return; // the id is the document's hash: the same id is the same document
        db.Add(new TrustedDocument { Id = id, Document = document, RegisteredAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Set<TrustedDocument>().AnyAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false))
                throw;
            // Registered by someone else meanwhile.
        }
    }
}
