using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Errors;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Turns a request that names its document into one that holds it, before anything else sees the
/// request, as Hot Chocolate's persisted-operation pipeline does: <c>{"id": …}</c> (or
/// <c>documentId</c>) reads a trusted document from the stores; Apollo's
/// <c>extensions.persistedQuery</c> reads a document a client sent before under its SHA-256 hash,
/// and remembers one sent with its hash. With <see cref="TrustedDocumentOptions.OnlyTrusted"/>,
/// any other document is refused unless the caller may send any (HC0067).
/// </summary>
public sealed class TrustedDocuments : IDisposable
{
    private const string PersistedQueryKey = "persistedQuery";
    private const string HashKey = "sha256Hash";

    private readonly IReadOnlyList<IOperationDocumentStore> _stores;
    private readonly TrustedDocumentOptions _options;
    private readonly MemoryCache _trusted;
    private readonly IAutomaticPersistedQueryStore _automatic;

    public TrustedDocuments(IEnumerable<IOperationDocumentStore> stores, IAutomaticPersistedQueryStore automatic, IOptions<TrustedDocumentOptions> options)
    {
        _stores = [.. stores];
        _automatic = automatic;
        _options = options.Value;
        _trusted = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.CacheSize });
    }

    /// <summary>
    /// Puts the named document into <paramref name="request"/>. An error is the transport's to send
    /// (400); extensions go into the response (Apollo's <c>persistedQuery</c> answer).
    /// </summary>
    public async ValueTask<(TransportError? Error, Dictionary<string, object?>? Extensions)> ResolveAsync(
        GraphQLRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var hasQuery = !string.IsNullOrEmpty(request.Query);
        var trusted = false;
        Dictionary<string, object?>? extensions = null;
        if (request.DocumentId is { } requested)
        {
            if (hasQuery)
                return (new TransportError(400, ErrorCodes.RequestInvalid, "Send either a `query` or the `id` of a trusted document, not both."), null);
            if (OperationDocumentId.Normalize(requested) is not { } id || await ReadTrustedAsync(id, cancellationToken).ConfigureAwait(false) is not { } document)
                return (NotFound("The specified persisted operation key is invalid.", requested), null);
            request.Query = document;
            trusted = true;
        }
        else if (_options.AutomaticPersistedQueries && PersistedQueryHash(request) is { } automatic)
        {
            var (hash, invalid) = automatic;
            if (invalid is not null)
                return (invalid, null);
            if (!hasQuery)
            {
                var document = await ReadTrustedAsync(hash!, cancellationToken).ConfigureAwait(false);
                trusted = document is not null;
                document ??= await _automatic.TryReadAsync(hash!, cancellationToken).ConfigureAwait(false);
                if (document is null)
                    return (NotFound("PersistedQueryNotFound", hash!), null);
                request.Query = document;
            }
            else
            {
                extensions = await RememberAsync(hash!, request.Query!, MayUseAnyDocument(user), cancellationToken).ConfigureAwait(false);
            }
        }
        if (_options.OnlyTrusted && !trusted && !MayUseAnyDocument(user))
            return (new TransportError(400, ErrorCodes.OnlyTrustedDocuments, "Only persisted operations are allowed."), null);
        return (null, extensions);
    }

    public void Dispose() => _trusted.Dispose();

    private async ValueTask<string?> ReadTrustedAsync(string id, CancellationToken cancellationToken)
    {
        if (OperationDocumentId.Normalize(id) is not { } normalized)
            return null;
        if (_trusted.TryGetValue(normalized, out string? cached))
            return cached;
        foreach (var store in _stores)
        {
            if (await store.TryReadAsync(normalized, cancellationToken).ConfigureAwait(false) is { } document)
            {
                _trusted.Set(normalized, document, new MemoryCacheEntryOptions { Size = DocumentCache.SizeOf(document) });
                return document;
            }
        }
        return null;
    }

    /// <summary>Keeps a query sent with its hash, if the hash is the query's; Apollo's answer either way.</summary>
    private async ValueTask<Dictionary<string, object?>> RememberAsync(string hash, string query, bool mayRegister, CancellationToken cancellationToken)
    {
        var computed = OperationDocumentId.For(query);
        if (!string.Equals(computed, hash, StringComparison.Ordinal))
        {
            return new()
            {
                [PersistedQueryKey] = new Dictionary<string, object?>
                {
                    [HashKey] = hash, ["expectedHashValue"] = computed, ["expectedHashType"] = HashKey, ["expectedHashFormat"] = "Hex", ["persisted"] = false,
                },
            };
        }
        // With only trusted documents allowed, remembering a stranger's query would let it in.
        var persisted = !_options.OnlyTrusted || mayRegister;
        if (persisted)
            await _automatic.SaveAsync(hash, query, cancellationToken).ConfigureAwait(false);
        return new() { [PersistedQueryKey] = new Dictionary<string, object?> { [HashKey] = hash, ["persisted"] = persisted } };
    }

    /// <summary>The hash of <c>extensions.persistedQuery</c>, or an error when it is malformed; null when there is none.</summary>
    private static (string? Hash, TransportError? Error)? PersistedQueryHash(GraphQLRequest request)
    {
        if (request.Extensions?.TryGetValue(PersistedQueryKey, out var value) != true)
            return null;
        if (value is not IDictionary<string, object?> persisted || !persisted.TryGetValue(HashKey, out var hashValue) || hashValue is not string hash
            || OperationDocumentId.Normalize(hash) is not { } normalized)
            return (null, new TransportError(400, ErrorCodes.RequestInvalid, "`extensions.persistedQuery` must hold a `sha256Hash`."));
        if (persisted.TryGetValue("version", out var version) && version is not (1 or 1L))
            return (null, new TransportError(400, ErrorCodes.RequestInvalid, "Only version 1 of automatic persisted queries is supported."));
        return (normalized.ToLowerInvariant(), null);
    }

    private bool MayUseAnyDocument(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && _options.AnyDocumentRoles.Any(user.IsInRole);

    private static TransportError NotFound(string message, string key)
        => new(400, ErrorCodes.PersistedOperationNotFound, message) { Extensions = new() { ["requestedKey"] = key } };
}
