using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.CostAnalysis;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// HTTP caching of query responses: a successful query of an anonymous caller gets
/// <c>Cache-Control</c> from its operation's hints (<see cref="CacheConstraintsComputer"/>),
/// <c>Vary</c>, a strong <c>ETag</c> (<c>If-None-Match</c> answered with 304, for GET and POST
/// alike) and the keys of what it read (<c>Surrogate-Key</c> space-separated, <c>Cache-Tag</c>
/// comma-separated); everything else — mutations, subscriptions, responses with errors, signed-in
/// callers, cost reports — says <c>no-store</c> (and <c>private</c> for signed-in callers), since a
/// CDN keeps a response without <c>Cache-Control</c> for a default time. With the response cache
/// on, responses to trusted documents are kept and answered from it.
/// </summary>
internal sealed class HttpCaching(ISchema schema, IGraphQLTextSerializer serializer, CacheControlOptions options, ResponseCache? cache)
{
    private const string NoStore = "no-store";
    private const string PrivateNoStore = "private, no-store";
    // The headers the transport itself answers by: the media type, the caller, a cost report.
    private const string VaryAlways = "Accept, Authorization, GraphQL-Cost";

    private static readonly ConditionalWeakTable<CacheConstraints, ConstraintHeaders> HeaderValues = [];

    public bool KeepsResponses => cache is not null;

    /// <summary>
    /// The kept response to a request of this text (before it is parsed: only a request that named a
    /// trusted document was kept, and the same text from the same partition gets the same answer),
    /// unless it asks for a cost report.
    /// </summary>
    public CachedResponse? Kept(HttpContext http, string? requestText, string? mediaType, bool eventStream)
        => cache is not null && !eventStream && mediaType is not null && requestText is not null
           && !http.Request.Headers.ContainsKey(CostReporting.HeaderName) && cache.PartitionOf(http.User) is { } partition
           && cache.TryGet(ResponseCache.KeyFor(partition, mediaType, http.Request.Method, requestText), out var kept)
            ? kept
            : null;

    /// <summary>Where the request's response may be kept, and the cache's generation before it executes; null when it may not be.</summary>
    public CacheLookup? Lookup(HttpContext http, GraphQLRequest request, string? requestText, string? mediaType, bool eventStream)
    {
        if (cache is null || eventStream || mediaType is null || requestText is null || request.DocumentId is null
            || cache.PartitionOf(http.User) is not { } partition)
            return null;
        return new CacheLookup(ResponseCache.KeyFor(partition, mediaType, http.Request.Method, requestText), cache.Generation);
    }

    /// <summary>Sends a kept response again (304 when the client has it).</summary>
    public static Task WriteCachedAsync(HttpContext http, CachedResponse response)
    {
        var headers = http.Response.Headers;
        foreach (var (name, value) in response.Headers)
            headers[name] = value;
        if (response.ETag is { } tag && EntityTag.Matches(http.Request.Headers.IfNoneMatch, tag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = response.ContentType;
        http.Response.ContentLength = response.Body.Length;
        return http.Response.Body.WriteAsync(response.Body, http.RequestAborted).AsTask();
    }

    /// <summary>
    /// Writes <paramref name="result"/> (or <paramref name="body"/>, when it was serialized already)
    /// with its caching headers; <paramref name="mayCache"/> is false for requests whose answer is
    /// not the operation's alone (cost reports, persisted-query registrations, streams).
    /// </summary>
    public async Task WriteAsync(
        HttpContext http, ExecutionResult result, string mediaType, byte[]? body, ResponseKeys? keys, bool mayCache, CacheLookup? lookup)
    {
        var response = http.Response;
        response.StatusCode = GraphQLStatusCodes.For(result, mediaType);
        if (response.StatusCode == StatusCodes.Status503ServiceUnavailable)
            response.Headers.RetryAfter = "1";
        response.ContentType = MediaTypes.ContentTypeFor(mediaType);
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        var constraints = mayCache && options.Enable && IsCacheable(result) && response.StatusCode == StatusCodes.Status200OK
            ? CacheConstraintsComputer.Compute(schema, result.Document!, result.Operation!)
            : null;
        var entityKeys = constraints is null ? null : EntityKeys(result, keys);
        if (constraints is null || entityKeys is null || (signedIn && lookup is null))
        {
            response.Headers.CacheControl = signedIn ? PrivateNoStore : NoStore;
            await WriteBodyAsync(http, result, body).ConfigureAwait(false);
            return;
        }
        var contentType = response.ContentType;
        if (body is not null)
        {
            var tag = signedIn ? null : EntityTag.For(body, contentType);
            await WriteCacheableAsync(http, constraints, entityKeys, tag, body, body, lookup).ConfigureAwait(false);
            return;
        }
        // Serialized once into pooled memory, after the content type the ETag hashes with it.
        using var buffer = new ResponseBuffer(EntityTag.PrefixLength(contentType));
        EntityTag.WritePrefix(contentType, buffer.Prefix);
        await serializer.WriteAsync(buffer, result).ConfigureAwait(false);
        var etag = signedIn ? null : EntityTag.ForPrefixed(buffer.PrefixAndBody);
        await WriteCacheableAsync(http, constraints, entityKeys, etag, buffer.Body, null, lookup).ConfigureAwait(false);
    }

    /// <summary>An answer to a transport error or a refused request: never kept.</summary>
    public static void NotCacheable(HttpContext http)
        => http.Response.Headers.CacheControl = http.User.Identity?.IsAuthenticated == true ? PrivateNoStore : NoStore;

    /// <summary>Sends a cacheable answer with its headers, keeps it when the response cache may, or says 304 when the client has it.</summary>
    /// <param name="bodyArray"><paramref name="body"/> when it is an array already; else it is copied only when kept.</param>
    private async Task WriteCacheableAsync(
        HttpContext http, CacheConstraints constraints, List<string> entityKeys, string? etag, ReadOnlyMemory<byte> body, byte[]? bodyArray, CacheLookup? lookup)
    {
        var response = http.Response;
        List<KeyValuePair<string, string>> headers = etag is null ? [new("Cache-Control", PrivateNoStore)] : CacheHeaders(constraints, etag, entityKeys);
        foreach (var (name, value) in headers)
            response.Headers[name] = value;
        if (lookup is not null && constraints is { Scope: CacheControlScope.Public, SharedLifetime: > 0 } && cache is not null)
        {
            var expires = DateTimeOffset.UtcNow.AddSeconds(constraints.SharedLifetime);
            cache.Set(lookup.Key, new CachedResponse(bodyArray ?? body.ToArray(), response.ContentType!, headers, etag, entityKeys, expires), lookup.Generation);
        }
        if (etag is not null && EntityTag.Matches(http.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentType = null;
            return;
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsCacheable(ExecutionResult result)
        => result is { Executed: true, Errors: null or { Count: 0 }, Document: not null, Operation.Operation: OperationType.Query };

    /// <summary>
    /// The keys of what the response read, in order and each once (so equal responses get equal
    /// headers), or null when they do not fit in a header (then nothing may keep it).
    /// </summary>
    private List<string>? EntityKeys(ExecutionResult result, ResponseKeys? keys)
    {
        var found = new List<string>((keys?.Count ?? 0) + 64);
        keys?.CopyTo(found);
        ResponseKeyWalker.Collect(result.Data, schema, found);
        if (options.AllKey is { Length: > 0 } all)
            found.Add(all);
        var sorted = CollectionsMarshal.AsSpan(found);
        sorted.Sort(StringComparer.Ordinal);
        var count = 0;
        var headerLength = 0;
        foreach (var key in sorted)
        {
            if (count > 0 && string.Equals(key, sorted[count - 1], StringComparison.Ordinal))
                continue;
            sorted[count++] = key;
            headerLength += key.Length + 1;
        }
        found.RemoveRange(count, found.Count - count);
        return headerLength > options.MaxKeyHeaderLength ? null : found;
    }

    private static List<KeyValuePair<string, string>> CacheHeaders(CacheConstraints constraints, string etag, List<string> keys)
    {
        var (cacheControl, vary) = HeaderValues.GetValue(constraints, static c =>
            new(c.HeaderValue(), c.Vary.Count == 0 ? VaryAlways : VaryAlways + ", " + string.Join(", ", c.Vary)));
        List<KeyValuePair<string, string>> headers =
        [
            new("Cache-Control", cacheControl),
            new("Vary", vary),
            new("ETag", etag),
        ];
        if (keys.Count > 0)
        {
            var span = CollectionsMarshal.AsSpan(keys);
            headers.Add(new("Surrogate-Key", string.Join(' ', span)));
            headers.Add(new("Cache-Tag", string.Join(',', span)));
        }
        return headers;
    }

    /// <summary>An operation's <c>Cache-Control</c> and <c>Vary</c>, worked out once: its constraints are kept per operation.</summary>
    private sealed record ConstraintHeaders(string CacheControl, string Vary);

    private async Task WriteBodyAsync(HttpContext http, ExecutionResult result, byte[]? body)
    {
        if (body is null)
        {
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted).ConfigureAwait(false);
            return;
        }
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
    }
}
