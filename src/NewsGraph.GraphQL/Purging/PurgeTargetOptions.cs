namespace NewsGraph.GraphQL.Purging;

/// <summary>One place purges go (an item of <c>CachePurge:Targets</c>).</summary>
public sealed class PurgeTargetOptions
{
    /// <summary>For the logs and metrics; the URL's host when unset.</summary>
    public string? Name { get; set; }

    public PurgeTargetKind Kind { get; set; } = PurgeTargetKind.KeyHeader;

    public Uri? Url { get; set; }

    /// <summary>The request method of <see cref="PurgeTargetKind.KeyHeader"/> targets (<c>PURGE</c>; Fastly's is <c>POST</c>); webhooks POST.</summary>
    public string Method { get; set; } = "PURGE";

    /// <summary>The header that lists the keys (<c>xkey</c>; Fastly's is <c>Surrogate-Key</c>).</summary>
    public string KeyHeader { get; set; } = "xkey";

    /// <summary>Headers every request carries: a token (<c>Fastly-Key</c>, <c>Authorization</c>), from a secret store.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>Most keys in one request (Fastly's batch purge takes 256); more are sent in several.</summary>
    public int MaxKeysPerRequest { get; set; } = 256;

    public string DisplayName => Name ?? Url?.Authority ?? "purge target";
}
