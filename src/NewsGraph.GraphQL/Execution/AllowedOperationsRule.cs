using GraphQL.Validation;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Refuses operation kinds a transport cannot carry: GET runs queries only (405), plain POST runs
/// queries and mutations; subscriptions need a streaming transport (WebSocket, server-sent events).
/// </summary>
public sealed class AllowedOperationsRule : ValidationRuleBase
{
    public static readonly AllowedOperationsRule Get = new("GET requests", 405, OperationType.Query);
    public static readonly AllowedOperationsRule Post = new("POST requests", 400, OperationType.Query, OperationType.Mutation);
    public static readonly AllowedOperationsRule Streaming = new("streaming requests", 400, OperationType.Query, OperationType.Mutation, OperationType.Subscription);

    /// <summary>GET with <c>Accept: text/event-stream</c> (an <c>EventSource</c>): queries and subscriptions.</summary>
    public static readonly AllowedOperationsRule GetStreaming = new("GET requests", 405, OperationType.Query, OperationType.Subscription);

    private readonly string _transport;
    private readonly int _status;
    private readonly OperationType[] _allowed;

    private AllowedOperationsRule(string transport, int status, params OperationType[] allowed)
    {
        _transport = transport;
        _status = status;
        _allowed = allowed;
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var kind = context.Operation.Operation;
        if (Array.IndexOf(_allowed, kind) < 0)
        {
            var message = kind == OperationType.Subscription
                ? $"Subscriptions are not supported over {_transport}; use a WebSocket (graphql-transport-ws) or Accept: text/event-stream."
                : $"{kind} operations are not allowed over {_transport}; send them with POST.";
            context.ReportError(new OperationNotAllowedError(message, _status));
        }
        return default;
    }
}
