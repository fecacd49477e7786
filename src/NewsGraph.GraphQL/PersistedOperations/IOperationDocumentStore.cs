namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>Where trusted documents (Hot Chocolate's persisted operations) are kept, by id.</summary>
public interface IOperationDocumentStore
{
    /// <summary>The document registered under <paramref name="id"/>, or null.</summary>
    ValueTask<string?> TryReadAsync(string id, CancellationToken cancellationToken);

    /// <summary>Registers <paramref name="document"/> under <paramref name="id"/>; registering it again changes nothing.</summary>
    ValueTask SaveAsync(string id, string document, CancellationToken cancellationToken);
}
