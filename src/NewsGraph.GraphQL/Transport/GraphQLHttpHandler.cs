using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.Errors;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.GraphQL.Transport.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): POST with a JSON body,
/// GET with query parameters (queries only), responses as application/graphql-response+json or
/// application/json as the Accept header asks, with the status codes the spec gives each; with
/// <c>Accept: text/event-stream</c>, server-sent events; WebSocket upgrades go to the WebSocket handler.
/// </summary>
public sealed class GraphQLHttpHandler<TSchema>
    where TSchema : ISchema
{
    private readonly IDocumentExecuter<TSchema> _executer;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLRequestReader _reader;
    private readonly long _maxBodyBytes;
    private readonly ServerSentEvents _serverSentEvents;
    private readonly GraphQLWebSocketHandler<TSchema> _webSockets;
    private readonly IdenticalQueries<TSchema>? _identicalQueries;
    private readonly TrustedDocuments? _trustedDocuments;

    public GraphQLHttpHandler(
        IDocumentExecuter<TSchema> executer,
        IGraphQLTextSerializer serializer,
        IOptions<GraphQLServerOptions> options,
        IServiceProvider services)
    {
        _executer = executer;
        _serializer = serializer;
        _reader = new GraphQLRequestReader(serializer);
        _maxBodyBytes = options.Value.MaxRequestBodyBytes;
        _serverSentEvents = new ServerSentEvents(new ResultFormatter(serializer), options.Value.KeepAliveInterval,
            services.GetService<TimeProvider>() ?? TimeProvider.System);
        _webSockets = ActivatorUtilities.CreateInstance<GraphQLWebSocketHandler<TSchema>>(services);
        _trustedDocuments = services.GetService<TrustedDocuments>();
        if (options.Value.ShareIdenticalQueries && services.GetService<DocumentCache>() is not null)
            _identicalQueries = services.GetRequiredService<IdenticalQueries<TSchema>>();
    }

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, MediaTypes.Json, new TransportError(405, ErrorCodes.MethodNotAllowed,
                $"The {request.Method} method is not supported; use POST, or GET for queries.")).ConfigureAwait(false);
            return;
        }

        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        var eventStream = MediaTypes.AcceptsEventStream(request.Headers.Accept);
        if (request.Headers.Authorization.Count > 0 && http.User.Identity?.IsAuthenticated != true)
        {
            // Credentials were sent and not accepted: say so instead of answering as if no one had signed in.
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteErrorAsync(http, mediaType ?? MediaTypes.Json, new TransportError(401, ErrorCodes.AuthNotAuthenticated,
                "The access token is invalid or has expired.")).ConfigureAwait(false);
            return;
        }
        if (GraphQLWebSocketHandler<TSchema>.Offers(http))
        {
            await _webSockets.HandleAsync(http).ConfigureAwait(false);
            return;
        }
        if (mediaType is null && !eventStream)
        {
            await WriteErrorAsync(http, MediaTypes.Json, new TransportError(406, ErrorCodes.NotAcceptable,
                $"None of the accepted media types can be produced; accept `{MediaTypes.GraphQLResponse}`, `{MediaTypes.Json}` or `{MediaTypes.EventStream}`.")).ConfigureAwait(false);
            return;
        }

        GraphQLRequest? graphQLRequest;
        TransportError? error;
        string? requestText;
        if (isGet)
        {
            (graphQLRequest, error) = _reader.ReadGet(request.Query);
            requestText = request.QueryString.Value;
        }
        else
        {
            (graphQLRequest, error, requestText) = await _reader.ReadPostAsync(request, _maxBodyBytes, keepBody: _identicalQueries is not null)
                .ConfigureAwait(false);
        }
        var (documentError, documentExtensions) = await RequestExecution.ResolveDocumentAsync(_trustedDocuments, graphQLRequest, http.User, http.RequestAborted)
            .ConfigureAwait(false);
        if ((error ?? documentError) is { } refused)
        {
            await WriteErrorAsync(http, mediaType ?? MediaTypes.GraphQLResponse, refused).ConfigureAwait(false);
            return;
        }

        // With Accept: text/event-stream, subscriptions stream as server-sent events.
        var allowed = eventStream
            ? isGet ? AllowedOperationsRule.GetStreaming : AllowedOperationsRule.Streaming
            : isGet ? AllowedOperationsRule.Get : AllowedOperationsRule.Post;
        var pacer = eventStream ? new StreamPacer() : null;
        var costMode = CostReporting.Parse(request.Headers[CostReporting.HeaderName]);
        var sharing = eventStream || costMode != CostReportMode.None || documentExtensions is not null
            ? null
            : _identicalQueries?.KeyFor(http, graphQLRequest!, requestText);
        ExecutionOptions? executed = null;
        ExecutionResult result;
        try
        {
            Task<ExecutionResult> ExecuteAsync(CancellationToken cancellationToken)
            {
                executed = RequestExecution.Options(graphQLRequest!, http.User, http.RequestServices, allowed, cancellationToken, pacer, costMode);
                return _executer.ExecuteAsync(executed);
            }

            if (sharing is null)
            {
                result = await ExecuteAsync(http.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                var answer = await _identicalQueries!.ExecuteAsync(sharing, graphQLRequest!, http.User, allowed, ExecuteAsync, http.RequestAborted)
                    .ConfigureAwait(false);
                if (answer.Body is not null)
                {
                    await WriteAsync(http, answer.Result, mediaType!, answer.Body).ConfigureAwait(false);
                    return;
                }
                result = answer.Result;
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nobody is left to answer
        }

        if (pacer is not null && result.Executed && (result.Streams is not null || mediaType is null))
        {
            await _serverSentEvents.WriteAsync(http, result, pacer).ConfigureAwait(false);
            return;
        }
        if (executed is not null)
            result = CostReporting.Apply(result, executed.UserContext);
        foreach (var (key, value) in documentExtensions ?? [])
            (result.Extensions ??= [])[key] = value;
        // Requests that fail before execution get a JSON answer, also when they asked for a stream.
        mediaType ??= MediaTypes.GraphQLResponse;
        if (isGet && result.Errors?.Any(e => e is OperationNotAllowedError) == true)
            http.Response.Headers.Allow = "POST";
        await WriteAsync(http, result, mediaType).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="result"/>, or <paramref name="body"/> when it was serialized already.</summary>
    private async Task WriteAsync(HttpContext http, ExecutionResult result, string mediaType, byte[]? body = null)
    {
        http.Response.StatusCode = GraphQLStatusCodes.For(result, mediaType);
        http.Response.ContentType = MediaTypes.ContentTypeFor(mediaType);
        if (body is null)
        {
            await _serializer.WriteAsync(http.Response.Body, result, http.RequestAborted).ConfigureAwait(false);
            return;
        }
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
    }

    private Task WriteErrorAsync(HttpContext http, string mediaType, TransportError error)
    {
        http.Response.StatusCode = error.StatusCode;
        http.Response.ContentType = MediaTypes.ContentTypeFor(mediaType);
        return _serializer.WriteAsync(http.Response.Body, new ExecutionResult(error), http.RequestAborted);
    }
}
