namespace NewsGraph.GraphQL.Mutations;

/// <summary>An entity whose updates name the version they were based on; <see cref="Version"/> is its EF Core concurrency token.</summary>
public interface IVersioned
{
    int Id { get; }

    int Version { get; set; }
}
