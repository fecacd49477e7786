using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Errors;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): POST with a JSON body,
/// GET with query parameters (queries only), responses as application/graphql-response+json or
/// application/json as the Accept header asks, with the status codes the spec gives each.
/// </summary>
public sealed class GraphQLHttpHandler<TSchema>(
    IDocumentExecuter<TSchema> executer,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLServerOptions> options)
    where TSchema : ISchema
{
    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, AllowedOperationsRule.Get];
    private static readonly IValidationRule[] PostRules = [.. DocumentValidator.CoreRules, AllowedOperationsRule.Post];

    private readonly GraphQLRequestReader _reader = new(serializer);
    private readonly long _maxBodyBytes = options.Value.MaxRequestBodyBytes;

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
        if (request.Headers.Authorization.Count > 0 && http.User.Identity?.IsAuthenticated != true)
        {
            // Credentials were sent and not accepted: say so instead of answering as if no one had signed in.
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteErrorAsync(http, mediaType ?? MediaTypes.Json, new TransportError(401, "AUTH_NOT_AUTHENTICATED",
                "The access token is invalid or has expired.")).ConfigureAwait(false);
            return;
        }
        if (mediaType is null)
        {
            await WriteErrorAsync(http, MediaTypes.Json, new TransportError(406, ErrorCodes.NotAcceptable,
                $"None of the accepted media types can be produced; accept `{MediaTypes.GraphQLResponse}` or `{MediaTypes.Json}`.")).ConfigureAwait(false);
            return;
        }

        var (graphQLRequest, error) = isGet
            ? _reader.ReadGet(request.Query)
            : await _reader.ReadPostAsync(request, _maxBodyBytes).ConfigureAwait(false);
        if (error is not null)
        {
            await WriteErrorAsync(http, mediaType, error).ConfigureAwait(false);
            return;
        }

        ExecutionResult result;
        try
        {
            result = await ExecuteAsync(http, graphQLRequest!, isGet).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nobody is left to answer
        }

        if (isGet && result.Errors?.Any(e => e is OperationNotAllowedError) == true)
            http.Response.Headers.Allow = "POST";
        http.Response.StatusCode = GraphQLStatusCodes.For(result, mediaType);
        http.Response.ContentType = ContentTypeFor(mediaType);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted).ConfigureAwait(false);
    }

    private Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLRequest request, bool isGet)
    {
        var methodRule = isGet ? AllowedOperationsRule.Get : AllowedOperationsRule.Post;
        return executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
            ValidationRules = isGet ? GetRules : PostRules,
            CachedDocumentValidationRules = [methodRule],
        });
    }

    private Task WriteErrorAsync(HttpContext http, string mediaType, TransportError error)
    {
        http.Response.StatusCode = error.StatusCode;
        http.Response.ContentType = ContentTypeFor(mediaType);
        return serializer.WriteAsync(http.Response.Body, new ExecutionResult(error), http.RequestAborted);
    }

    private static string ContentTypeFor(string mediaType)
        => mediaType == MediaTypes.GraphQLResponse ? MediaTypes.GraphQLResponseUtf8 : MediaTypes.JsonUtf8;
}
