namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>Trusted documents and automatic persisted queries, bound from <c>GraphQL:TrustedDocuments</c>.</summary>
public sealed class TrustedDocumentOptions
{
    public const string SectionName = "GraphQL:TrustedDocuments";

    /// <summary>Folder of <c>{id}.graphql</c> files, relative to the content root; unset, no folder is read.</summary>
    public string? Folder { get; set; }

    /// <summary>
    /// Whether callers must send the id of a trusted document instead of a query (HC0067 otherwise),
    /// except callers in <see cref="AnyDocumentRoles"/>.
    /// </summary>
    public bool OnlyTrusted { get; set; }

    /// <summary>Roles that may send any document even when <see cref="OnlyTrusted"/> is on (editors with their IDE).</summary>
    public IList<string> AnyDocumentRoles { get; set; } = [];

    /// <summary>Apollo's automatic persisted queries (<c>extensions.persistedQuery</c>): a client sends a hash, and the query once.</summary>
    public bool AutomaticPersistedQueries { get; set; } = true;

    /// <summary>How many documents stay in memory once read (trusted ones and automatically persisted ones).</summary>
    public int CacheSize { get; set; } = 1_000;
}
