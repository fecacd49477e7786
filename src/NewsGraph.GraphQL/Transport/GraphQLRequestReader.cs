using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// Reads a GraphQL-over-HTTP request (a JSON POST body or GET query parameters) and checks every
/// parameter's type, so that a malformed request gets a precise 4xx instead of reaching the engine.
/// </summary>
public sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 128 };

    /// <summary>A POST body, its media type, size and encoding checked, not yet parsed (see <see cref="Parse"/>).</summary>
    public static async Task<(byte[]? Body, TransportError? Error)> ReadPostBodyAsync(HttpRequest request, long maxBodyBytes)
    {
        if (!IsJsonContentType(request.ContentType, out var contentTypeError))
            return (null, contentTypeError);
        if (request.ContentLength > maxBodyBytes)
            return (null, TooLarge(maxBodyBytes));

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
            sizeFeature.MaxRequestBodySize = maxBodyBytes;

        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read;
                try
                {
                    read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted).ConfigureAwait(false);
                }
                catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    return (null, TooLarge(maxBodyBytes));
                }
                if (read == 0)
                    break;
                length += read;
                if (length > maxBodyBytes)
                    return (null, TooLarge(maxBodyBytes));
            }
            if (length == 0)
                return (null, new TransportError(400, ErrorCodes.JsonInvalid, "The request body is empty; send a JSON object with a `query`."));
            return (buffer.AsSpan(0, length).ToArray(), null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public (GraphQLRequest? Request, TransportError? Error) ReadGet(IQueryCollection query)
    {
        var request = new GraphQLRequest
        {
            Query = NullIfEmpty(query["query"].FirstOrDefault()),
            OperationName = NullIfEmpty(query["operationName"].FirstOrDefault()),
            DocumentId = NullIfEmpty(query["documentId"].FirstOrDefault() ?? query["id"].FirstOrDefault()),
        };
        if (ParseJsonParameter(query["variables"].FirstOrDefault(), "variables", out var variables) is { } variablesError)
            return (null, variablesError);
        if (ParseJsonParameter(query["extensions"].FirstOrDefault(), "extensions", out var extensions) is { } extensionsError)
            return (null, extensionsError);
        request.Variables = variables;
        request.Extensions = extensions;
        if (!NamesADocument(request))
            return (null, new TransportError(400, ErrorCodes.QueryMissing, "The `query` parameter is missing; send a `query`, or the `id` of a trusted document."));
        return (request, null);
    }

    /// <summary>A POST body read by <see cref="ReadPostBodyAsync"/>, as a request.</summary>
    public (GraphQLRequest? Request, TransportError? Error) Parse(ReadOnlyMemory<byte> body)
    {
        if (JsonText.Problem(body.Span) is { } problem)
            return (null, new TransportError(400, ErrorCodes.JsonInvalid, $"The request body {problem}."));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, JsonOptions);
        }
        catch (JsonException)
        {
            return (null, new TransportError(400, ErrorCodes.JsonInvalid, "The request body is not valid JSON."));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
                return (null, new TransportError(400, ErrorCodes.BatchingNotSupported, "Batched requests (a JSON array) are not supported; send one request object."));
            return ReadObject(root);
        }
    }

    /// <summary>A request object (a POST body, a WebSocket <c>subscribe</c> payload), every parameter type-checked.</summary>
    public (GraphQLRequest? Request, TransportError? Error) ReadObject(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return (null, new TransportError(400, ErrorCodes.RequestInvalid, "The request must be a JSON object."));

        var request = new GraphQLRequest();
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "query":
                    if (!TryString(property.Value, out var query))
                        return (null, Invalid("query", "a string"));
                    request.Query = query;
                    break;
                case "operationName":
                    if (!TryString(property.Value, out var operationName))
                        return (null, Invalid("operationName", "a string"));
                    request.OperationName = NullIfEmpty(operationName);
                    break;
                case "variables":
                    if (!TryMap(property.Value, out var variables))
                        return (null, Invalid("variables", "an object"));
                    request.Variables = variables;
                    break;
                case "extensions":
                    if (!TryMap(property.Value, out var extensions))
                        return (null, Invalid("extensions", "an object"));
                    request.Extensions = extensions;
                    break;
                case "id" or "documentId":
                    // Hot Chocolate's `id` and the GraphQL-over-HTTP draft's `documentId` name a trusted document.
                    if (!TryString(property.Value, out var documentId))
                        return (null, Invalid(property.Name, "a string"));
                    request.DocumentId ??= NullIfEmpty(documentId);
                    break;
            }
        }
        if (!NamesADocument(request))
            return (null, new TransportError(400, ErrorCodes.QueryMissing, "The request has no `query`; send a `query`, or the `id` of a trusted document."));
        return (request, null);
    }

    /// <summary>A query, a document id, or an automatic persisted query's hash (Apollo's <c>extensions.persistedQuery</c>).</summary>
    private static bool NamesADocument(GraphQLRequest request)
        => !string.IsNullOrEmpty(request.Query) || request.DocumentId is not null
           || request.Extensions?.ContainsKey("persistedQuery") == true;

    private TransportError? ParseJsonParameter(string? text, string name, out Inputs? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
            return null;
        if (JsonText.Problem(Encoding.UTF8.GetBytes(text)) is { } problem)
            return new TransportError(400, ErrorCodes.JsonInvalid, $"The `{name}` parameter {problem}.");
        try
        {
            using var document = JsonDocument.Parse(text, JsonOptions);
            return TryMap(document.RootElement, out value) ? null : Invalid(name, "a JSON object");
        }
        catch (JsonException)
        {
            return new TransportError(400, ErrorCodes.JsonInvalid, $"The `{name}` parameter is not valid JSON.");
        }
    }

    private static bool TryString(JsonElement element, out string? value)
    {
        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return element.ValueKind is JsonValueKind.String or JsonValueKind.Null;
    }

    private bool TryMap(JsonElement element, out Inputs? value)
    {
        value = null;
        if (element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.Object)
            return false;
        try
        {
            value = serializer.ReadNode<Inputs>(element);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsJsonContentType(string? contentType, out TransportError? error)
    {
        error = null;
        if (MediaTypeHeaderValue.TryParse(contentType, out var media)
            && media.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                error = new TransportError(415, ErrorCodes.UnsupportedMediaType, $"Only UTF-8 request bodies are supported, not `{media.Charset}`.");
                return false;
            }
            return true;
        }
        error = new TransportError(415, ErrorCodes.UnsupportedMediaType,
            string.IsNullOrEmpty(contentType)
                ? "The request has no Content-Type; send `application/json`."
                : $"The Content-Type `{contentType}` is not supported; send `application/json`.");
        return false;
    }

    private static TransportError Invalid(string parameter, string expected)
        => new(400, ErrorCodes.RequestInvalid, $"The `{parameter}` parameter must be {expected}.");

    private static TransportError TooLarge(long max)
        => new(413, ErrorCodes.RequestTooLarge, $"The request body is larger than the {max} bytes allowed.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
