using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace NewsGraph.GraphQL.Caching;

/// <summary>Strong entity tags for response bodies, and <c>If-None-Match</c> (RFC 9110, 13.1.2).</summary>
public static class EntityTag
{
    /// <summary>A tag of <paramref name="body"/> as <paramref name="contentType"/>: equal bytes in another media type are another representation.</summary>
    public static string For(ReadOnlySpan<byte> body, string contentType)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(contentType));
        hash.AppendData([0]);
        hash.AppendData(body);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return "\"" + Base64Url.EncodeToString(digest[..18]) + "\"";
    }

    /// <summary>
    /// Whether <paramref name="ifNoneMatch"/> matches <paramref name="tag"/>: <c>*</c>, or one of its
    /// tags, compared weakly (a <c>W/</c> prefix is ignored), as the header asks.
    /// </summary>
    public static bool Matches(StringValues ifNoneMatch, string tag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || Opaque(candidate).SequenceEqual(Opaque(tag)))
                    return true;
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag.AsSpan(2) : tag;
}
