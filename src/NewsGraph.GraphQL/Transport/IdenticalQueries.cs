using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// Lets concurrent identical queries over HTTP share one execution (request coalescing, as
/// caching proxies collapse identical requests). A query that finds no identical one running
/// executes on its own, as it would without this; identical queries arriving meanwhile wait, and
/// the next execution — started after each of them arrived, so none gets an answer older than its
/// request — answers all of them with the same bytes. Many readers asking for the front page at
/// once then cost one execution per round instead of one each.
/// </summary>
/// <remarks>
/// Identical means: same HTTP method, same <c>Authorization</c> and <c>Cookie</c> headers (so the
/// same user), and the same request text byte for byte (query, operation name, variables,
/// extensions). Only documents already in the <see cref="DocumentCache"/> whose chosen operation is
/// a query take part; mutations and subscriptions always execute per request. A shared execution
/// runs in a service scope of its own, without the requests' HttpContext: a resolver that reads
/// the HTTP request beyond its user must not be reachable from a query while this is on
/// (<see cref="GraphQLServerOptions.ShareIdenticalQueries"/>).
/// </remarks>
public sealed class IdenticalQueries<TSchema>(
    IDocumentExecuter<TSchema> executer, IGraphQLTextSerializer serializer, IServiceScopeFactory scopes, DocumentCache documents)
    where TSchema : ISchema
{
    private readonly SharedRuns _runs = new();

    /// <summary>Requests waiting for the next execution of a query identical to theirs.</summary>
    public int Waiting => _runs.Waiting;

    /// <summary>What tells this request apart from others, or null when it must execute on its own.</summary>
    internal string? KeyFor(HttpContext http, GraphQLRequest request, string? requestText)
    {
        if (requestText is null || request.Query is not { } query || !documents.TryGetDocument(query, out var document)
            || document.OperationWithName(request.OperationName)?.Operation != OperationType.Query)
            return null;
        var headers = http.Request.Headers;
        // Header values cannot hold a line break, so only the request text, last, may contain one.
        return string.Join('\n', http.Request.Method, headers.Authorization.ToString(), headers.Cookie.ToString(), requestText);
    }

    /// <summary>
    /// Executes <paramref name="request"/> with <paramref name="executeAlone"/> when no identical query
    /// is running (then returns its result, not yet written), or waits for the shared execution and
    /// returns it with its body.
    /// </summary>
    internal Task<Answer> ExecuteAsync(
        string key, GraphQLRequest request, ClaimsPrincipal user, AllowedOperationsRule allowed,
        Func<CancellationToken, Task<ExecutionResult>> executeAlone, CancellationToken cancellationToken)
        => _runs.RunAsync(key, new Caller(request, user, allowed, executeAlone),
            static async (caller, token) => new Answer(await caller.ExecuteAlone(token).ConfigureAwait(false), null, null),
            ExecuteTogetherAsync,
            cancellationToken);

    private async Task<Answer> ExecuteTogetherAsync(IReadOnlyList<Caller> callers)
    {
        // Every caller sent the same request with the same credentials; the first one stands for all.
        var caller = callers[0];
        await using var scope = scopes.CreateAsyncScope();
        var options = RequestExecution.Options(caller.Request, caller.User, scope.ServiceProvider, caller.Allowed, CancellationToken.None);
        var result = await executer.ExecuteAsync(options).ConfigureAwait(false);
        using var body = new MemoryStream();
        await serializer.WriteAsync(body, result).ConfigureAwait(false);
        return new Answer(result, body.ToArray(), ResponseKeys.Of(options.UserContext));
    }

    private sealed record Caller(
        GraphQLRequest Request, ClaimsPrincipal User, AllowedOperationsRule Allowed, Func<CancellationToken, Task<ExecutionResult>> ExecuteAlone);

    /// <summary>An execution's result; <see cref="Body"/> holds it serialized, and <see cref="Keys"/> what it read, when it was shared.</summary>
    public sealed record Answer(ExecutionResult Result, byte[]? Body, ResponseKeys? Keys);
}
