namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>A trusted document kept in the application's database (<see cref="DbContextOperationDocumentStore{TContext}"/>).</summary>
public sealed class TrustedDocument
{
    public required string Id { get; set; }

    public required string Document { get; set; }

    public DateTime RegisteredAt { get; set; }
}
