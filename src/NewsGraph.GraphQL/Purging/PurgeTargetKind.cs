namespace NewsGraph.GraphQL.Purging;

public enum PurgeTargetKind
{
    /// <summary>A POST of <c>{"keys": [...], "reason": ..., "at": ...}</c> as JSON.</summary>
    Webhook,

    /// <summary>
    /// A request whose header lists the keys, space-separated: Varnish's <c>PURGE</c> with
    /// <c>xkey</c> (the default), or Fastly's batch purge (<c>POST</c> with <c>Surrogate-Key</c>).
    /// </summary>
    KeyHeader,
}
