using System.Net.WebSockets;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Transport.WebSockets.GraphQLTransportWs;
using NewsGraph.GraphQL.Transport.WebSockets.SubscriptionsTransportWs;

using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>
/// Accepts GraphQL WebSockets: <c>graphql-transport-ws</c> whenever the client offers it (also when
/// it offers no sub-protocol at all), the legacy <c>graphql-ws</c> when that is all it offers, and
/// refuses other sub-protocols with 4406.
/// </summary>
internal sealed class GraphQLWebSocketHandler<TSchema>
    where TSchema : ISchema
{
    private readonly WebSocketServices _services;

    public GraphQLWebSocketHandler(
        IDocumentExecuter<TSchema> executer,
        IGraphQLTextSerializer serializer,
        IServiceScopeFactory scopes,
        IOptions<GraphQLServerOptions> options,
        ILogger<GraphQLWebSocketHandler<TSchema>> logger,
        IServiceProvider services)
    {
        _services = new WebSocketServices(
            executer, new GraphQLRequestReader(serializer), new ResultFormatter(serializer),
            services.GetService<IConnectionAuthenticator>(), scopes, options.Value, services.GetService<TimeProvider>() ?? TimeProvider.System, logger,
            services.GetService<PersistedOperations.TrustedDocuments>());
    }

    public static bool Offers(HttpContext http) => http.WebSockets.IsWebSocketRequest;

    public async Task HandleAsync(HttpContext http)
    {
        var offered = http.WebSockets.WebSocketRequestedProtocols;
        var protocol = offered.Contains(WebSocketSubProtocols.GraphQLTransportWs) ? WebSocketSubProtocols.GraphQLTransportWs
            : offered.Contains(WebSocketSubProtocols.SubscriptionsTransportWs) ? WebSocketSubProtocols.SubscriptionsTransportWs
            : null;
        if (protocol is null && offered.Count > 0)
        {
            using var refused = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await refused.CloseAsync((WebSocketCloseStatus)CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The client went away first.
            }
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(protocol).ConfigureAwait(false);
        using var connection = new WebSocketConnection(socket, _services);
        SubscriptionServer server = protocol == WebSocketSubProtocols.SubscriptionsTransportWs
            ? new ApolloSubscriptionServer(connection, http.User, _services)
            : new TransportWsSubscriptionServer(connection, http.User, _services);
        GraphQLTelemetry.ActiveWebSockets.Add(1);
        try
        {
            await server.RunAsync(http.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            GraphQLTelemetry.ActiveWebSockets.Add(-1);
        }
    }
}
