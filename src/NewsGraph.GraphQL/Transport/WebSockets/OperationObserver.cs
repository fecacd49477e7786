using GraphQL;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>Sends a subscription's results, its error and its end as the connection's protocol names them.</summary>
internal sealed class OperationObserver(SubscriptionServer server, WebSocketOperation operation) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value)
    {
        if (operation.Stopped)
        {
            operation.Pacer.Release();
            return;
        }
        server.SendNext(operation, value);
    }

    public void OnError(Exception error)
    {
        var failure = error as ExecutionError ?? new ExecutionError(MaskingErrorInfoProvider.UnexpectedMessage) { Code = ErrorCodes.UnexpectedExecutionError };
        server.SendError(operation, [failure]);
    }

    public void OnCompleted() => server.SendComplete(operation);
}
