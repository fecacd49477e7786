using System.Diagnostics.CodeAnalysis;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Parses and validates each distinct document once. A hit skips parsing and the spec's
/// validation rules but still runs <see cref="ExecutionOptions.CachedDocumentValidationRules"/>,
/// which is where every rule that depends on variables, the user or the HTTP method belongs
/// (complexity, introspection, GET-only-queries).
/// </summary>
public sealed class DocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache _cache;
    private readonly IDocumentBuilder _documentBuilder;
    private long _hits;
    private long _misses;

    public DocumentCache(IDocumentBuilder documentBuilder, IOptions<GraphQLServerOptions> options)
    {
        _documentBuilder = documentBuilder;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.DocumentCacheSize });
    }

    // After the options configurations (100), which set the validation rules we rely on.
    public float SortOrder => 200;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>How many documents the cache holds.</summary>
    public long Count => _cache.Count;

    /// <summary>
    /// The room a document takes in a cache whose size counts documents: one per started 4 KiB of
    /// text, so a cache of 1,000 holds 1,000 documents of the usual size but not 1,000 of 256 KiB
    /// each (half a gigabyte, held as long as nobody sends other documents).
    /// </summary>
    public static long SizeOf(string document) => 1 + document.Length / 4096;

    /// <summary>The parsed document of <paramref name="query"/>, if it is cached (it parsed, validated and ran once).</summary>
    public bool TryGetDocument(string query, [NotNullWhen(true)] out GraphQLDocument? document)
        => _cache.TryGetValue(query, out document) && document is not null;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
            return await next(options).ConfigureAwait(false);

        if (_cache.TryGetValue(query, out GraphQLDocument? cached) && cached is not null)
        {
            Interlocked.Increment(ref _hits);
            options.Document = cached;
            options.ValidationRules = new CachedDocumentRules(options.CachedDocumentValidationRules ?? []);
            return await next(options).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _misses);
        try
        {
            options.Document = _documentBuilder.Build(query);
        }
        catch (ExecutionError error)
        {
            return new ExecutionResult(error);
        }

        var result = await next(options).ConfigureAwait(false);
        if (result.Executed)
            _cache.Set(query, options.Document, new MemoryCacheEntryOptions { Size = SizeOf(query) });
        return result;
    }

    public void Dispose() => _cache.Dispose();
}
