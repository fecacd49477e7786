using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>
/// The toolkit's traces and metrics, under the name <see cref="Name"/> for both. With no listener
/// (OpenTelemetry off) starting a span returns null and recording a measurement does nothing, so
/// they cost nearly nothing until someone listens.
/// </summary>
/// <remarks>
/// Attribute names follow OpenTelemetry's GraphQL semantic conventions (<c>graphql.operation.name</c>,
/// <c>graphql.operation.type</c>) where they exist; the rest are ours under <c>graphql.</c>.
/// </remarks>
public static class GraphQLTelemetry
{
    public const string Name = "NewsGraph.GraphQL";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "graphql.server.operation.duration", "s", "How long GraphQL operations take, from the document to the result, by name, type and outcome.");

    public static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "graphql.server.errors", "{error}", "Errors in GraphQL responses, by extensions.code.");

    public static readonly UpDownCounter<long> ActiveWebSockets = Meter.CreateUpDownCounter<long>(
        "graphql.server.websockets.active", "{connection}", "Open GraphQL WebSocket connections.");

    public static readonly UpDownCounter<long> ActiveSubscriptions = Meter.CreateUpDownCounter<long>(
        "graphql.server.subscriptions.active", "{subscription}", "Running subscriptions, over WebSocket and server-sent events.");

    public static readonly Histogram<int> DataLoaderBatchSize = Meter.CreateHistogram<int>(
        "graphql.server.dataloader.batch.size", "{key}", "Keys fetched per DataLoader batch, by loader.");

    public static readonly Counter<long> CachePurges = Meter.CreateCounter<long>(
        "graphql.server.cache.purges", "{request}", "Purge requests to caches, by target and outcome (sent, retried, failed).");

    public static readonly Counter<long> ResponseCacheLookups = Meter.CreateCounter<long>(
        "graphql.server.response_cache.lookups", "{lookup}", "In-process response cache lookups, by outcome (hit, miss).");
}
