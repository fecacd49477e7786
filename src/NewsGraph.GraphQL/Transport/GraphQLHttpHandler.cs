using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Caching;
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
    private readonly HttpCaching _caching;

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
        _caching = new HttpCaching(services.GetRequiredService<TSchema>(), serializer,
            services.GetService<IOptions<CacheControlOptions>>()?.Value ?? new CacheControlOptions(), services.GetService<ResponseCache>());
    }

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        var eventStream = MediaTypes.AcceptsEventStream(request.Headers.Accept);
        if (Refusal(http, isGet, mediaType, eventStream) is { } refusal)
        {
            await WriteErrorAsync(http, refusal.MediaType, refusal.Error).ConfigureAwait(false);
            return;
        }
        if (GraphQLWebSocketHandler<TSchema>.Offers(http))
        {
            await _webSockets.HandleAsync(http).ConfigureAwait(false);
            return;
        }

        var (graphQLRequest, error, requestText, kept) = await ReadAsync(http, isGet, mediaType, eventStream).ConfigureAwait(false);
        if (kept is not null)
        {
            await HttpCaching.WriteCachedAsync(http, kept).ConfigureAwait(false);
            return;
        }
        var (documentError, documentExtensions) = await RequestExecution.ResolveDocumentAsync(_trustedDocuments, graphQLRequest, http.User, http.RequestAborted)
            .ConfigureAwait(false);
        if ((error ?? documentError) is { } refused)
        {
            await WriteErrorAsync(http, mediaType ?? MediaTypes.GraphQLResponse, refused).ConfigureAwait(false);
            return;
        }

        var lookup = _caching.Lookup(http, graphQLRequest!, requestText, mediaType, eventStream);
        var operation = new HttpOperation(graphQLRequest!, requestText, isGet, eventStream, mediaType,
            CostReporting.Parse(request.Headers[CostReporting.HeaderName]), documentExtensions, lookup);
        await ExecuteAndAnswerAsync(http, operation).ConfigureAwait(false);
    }

    /// <summary>
    /// The request, with its text (a GET's query string, a POST's body) that tells identical requests
    /// apart; or, before anything is parsed, the response cache's answer to that text.
    /// </summary>
    private async Task<(GraphQLRequest? Request, TransportError? Error, string? Text, CachedResponse? Kept)> ReadAsync(
        HttpContext http, bool isGet, string? mediaType, bool eventStream)
    {
        if (isGet)
        {
            var query = http.Request.QueryString.Value;
            if (_caching.Kept(http, query, mediaType, eventStream) is { } keptAnswer)
                return (null, null, query, keptAnswer);
            var (getRequest, getError) = _reader.ReadGet(http.Request.Query);
            return (getRequest, getError, query, null);
        }
        var (body, error) = await GraphQLRequestReader.ReadPostBodyAsync(http.Request, _maxBodyBytes).ConfigureAwait(false);
        if (body is null)
            return (null, error, null, null);
        var text = _identicalQueries is not null || _caching.KeepsResponses ? Encoding.UTF8.GetString(body) : null;
        if (_caching.Kept(http, text, mediaType, eventStream) is { } kept)
            return (null, null, text, kept);
        var (request, parseError) = _reader.Parse(body);
        return (request, parseError, text, null);
    }

    /// <summary>What is refused before the request is read: a method, rejected credentials, an <c>Accept</c> nothing satisfies.</summary>
    private static (string MediaType, TransportError Error)? Refusal(HttpContext http, bool isGet, string? mediaType, bool eventStream)
    {
        var request = http.Request;
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            return (MediaTypes.Json, new TransportError(405, ErrorCodes.MethodNotAllowed,
                $"The {request.Method} method is not supported; use POST, or GET for queries."));
        }
        if (request.Headers.Authorization.Count > 0 && http.User.Identity?.IsAuthenticated != true)
        {
            // Credentials were sent and not accepted: say so instead of answering as if no one had signed in.
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return (mediaType ?? MediaTypes.Json, new TransportError(401, ErrorCodes.AuthNotAuthenticated, "The access token is invalid or has expired."));
        }
        if (mediaType is null && !eventStream && !GraphQLWebSocketHandler<TSchema>.Offers(http))
        {
            return (MediaTypes.Json, new TransportError(406, ErrorCodes.NotAcceptable,
                $"None of the accepted media types can be produced; accept `{MediaTypes.GraphQLResponse}`, `{MediaTypes.Json}` or `{MediaTypes.EventStream}`."));
        }
        return null;
    }

    private async Task ExecuteAndAnswerAsync(HttpContext http, HttpOperation operation)
    {
        // With Accept: text/event-stream, subscriptions stream as server-sent events.
        var allowed = operation.EventStream
            ? operation.IsGet ? AllowedOperationsRule.GetStreaming : AllowedOperationsRule.Streaming
            : operation.IsGet ? AllowedOperationsRule.Get : AllowedOperationsRule.Post;
        var pacer = operation.EventStream ? new StreamPacer() : null;
        var sharing = operation.MayCache ? _identicalQueries?.KeyFor(http, operation.Request, operation.RequestText) : null;
        ExecutionOptions? executed = null;
        Task<ExecutionResult> ExecuteAsync(CancellationToken cancellationToken)
        {
            executed = RequestExecution.Options(operation.Request, http.User, http.RequestServices, allowed, cancellationToken, pacer, operation.CostMode);
            return _executer.ExecuteAsync(executed);
        }

        ExecutionResult result;
        try
        {
            if (sharing is null)
            {
                result = await ExecuteAsync(http.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                var answer = await _identicalQueries!.ExecuteAsync(sharing, operation.Request, http.User, allowed, ExecuteAsync, http.RequestAborted)
                    .ConfigureAwait(false);
                if (answer.Body is not null)
                {
                    await _caching.WriteAsync(http, answer.Result, operation.MediaType!, answer.Body, answer.Keys, operation.MayCache, operation.Lookup)
                        .ConfigureAwait(false);
                    return;
                }
                result = answer.Result;
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nobody is left to answer
        }

        if (pacer is not null && result.Executed && (result.Streams is not null || operation.MediaType is null))
        {
            await _serverSentEvents.WriteAsync(http, result, pacer).ConfigureAwait(false);
            return;
        }
        if (executed is not null)
            result = CostReporting.Apply(result, executed.UserContext);
        foreach (var (key, value) in operation.DocumentExtensions ?? [])
            (result.Extensions ??= [])[key] = value;
        if (operation.IsGet && result.Errors?.Any(e => e is OperationNotAllowedError) == true)
            http.Response.Headers.Allow = "POST";
        // Requests that fail before execution get a JSON answer, also when they asked for a stream.
        var keys = executed is null ? null : ResponseKeys.Of(executed.UserContext);
        await _caching.WriteAsync(http, result, operation.MediaType ?? MediaTypes.GraphQLResponse, null, keys, operation.MayCache, operation.Lookup)
            .ConfigureAwait(false);
    }

    private Task WriteErrorAsync(HttpContext http, string mediaType, TransportError error)
    {
        http.Response.StatusCode = error.StatusCode;
        http.Response.ContentType = MediaTypes.ContentTypeFor(mediaType);
        HttpCaching.NotCacheable(http);
        return _serializer.WriteAsync(http.Response.Body, new ExecutionResult(error), http.RequestAborted);
    }

    /// <summary>A request read and holding its document, with what the transport must remember about it.</summary>
    private sealed record HttpOperation(
        GraphQLRequest Request, string? RequestText, bool IsGet, bool EventStream, string? MediaType,
        CostReportMode CostMode, Dictionary<string, object?>? DocumentExtensions, CacheLookup? Lookup)
    {
        /// <summary>
        /// Whether the answer is the operation's alone, so that caches may keep it and identical
        /// requests share it (not a cost report, a persisted-query registration, a stream).
        /// </summary>
        public bool MayCache => !EventStream && CostMode == CostReportMode.None && DocumentExtensions is null;
    }
}
