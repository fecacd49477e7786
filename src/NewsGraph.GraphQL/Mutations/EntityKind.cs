using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// A kind of object mutations change, by its GraphQL type name and the word its messages use
/// (<c>new("Article", "story")</c>): the one place <see cref="NotFoundError"/>s and
/// <see cref="VersionConflictError"/>s are made.
/// </summary>
public sealed record EntityKind(string TypeName, string Noun)
{
    /// <summary>No <see cref="Noun"/> with that key; <paramref name="field"/> names the input field that referred to it, if any.</summary>
    public NotFoundError NotFound(int id, string? field = null)
    {
        var globalId = GlobalId.Format(TypeName, id);
        return new($"There is no {Noun} with the ID `{globalId}`{(field is null ? "" : $" ({field})")}.", globalId);
    }

    public VersionConflictError VersionConflict(int expectedVersion, int currentVersion)
        => new($"The {Noun} was changed since version {expectedVersion}; it is at version {currentVersion} now. Reload it and apply the change again.",
            expectedVersion, currentVersion);
}
