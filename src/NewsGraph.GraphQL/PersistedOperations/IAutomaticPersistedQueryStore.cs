namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Where queries sent with Apollo's <c>extensions.persistedQuery</c> hash are remembered, so a
/// client may send the hash alone afterwards. In process by default
/// (<see cref="InMemoryAutomaticPersistedQueryStore"/>); with several instances behind a load
/// balancer, a shared one (<see cref="RedisAutomaticPersistedQueryStore"/>) saves clients the extra
/// round trip of registering again on each instance.
/// </summary>
public interface IAutomaticPersistedQueryStore
{
    ValueTask<string?> TryReadAsync(string hash, CancellationToken cancellationToken);

    ValueTask SaveAsync(string hash, string query, CancellationToken cancellationToken);
}
