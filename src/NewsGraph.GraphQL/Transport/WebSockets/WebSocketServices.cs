using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.PersistedOperations;

namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>What every WebSocket connection of one endpoint shares.</summary>
internal sealed record WebSocketServices(
    IDocumentExecuter Executer,
    GraphQLRequestReader Reader,
    ResultFormatter Formatter,
    IConnectionAuthenticator? Authenticator,
    IServiceScopeFactory Scopes,
    GraphQLServerOptions Options,
    TimeProvider Clock,
    ILogger Logger,
    TrustedDocuments? TrustedDocuments);
