namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// The change was based on <paramref name="ExpectedVersion"/> but someone saved <paramref name="CurrentVersion"/>
/// since: nothing was overwritten. Made by <see cref="EntityKind.VersionConflict"/>.
/// </summary>
public sealed record VersionConflictError(string Message, int ExpectedVersion, int CurrentVersion) : MutationError(Message, "VERSION_CONFLICT");
