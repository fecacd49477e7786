using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace NewsGraph.GraphQL.Caching;

/// <summary>Strong entity tags for response bodies, and <c>If-None-Match</c> (RFC 9110, 13.1.2).</summary>
/// <remarks>
/// A tag is the first 18 bytes of the SHA-256 of the content type's UTF-8, a 0 byte and the body.
/// With the SHA extensions of current CPUs it costs about a microsecond per 2 KB of body; a faster
/// non-cryptographic hash would serve as well (a tag only has to tell apart bodies that differ by
/// accident, not by design) but would change every tag that caches and browsers hold.
/// </remarks>
public static class EntityTag
{
    private const int HashedBytes = 18;

    /// <summary>A tag of <paramref name="body"/> as <paramref name="contentType"/>: equal bytes in another media type are another representation.</summary>
    public static string For(ReadOnlySpan<byte> body, string contentType)
    {
        var prefixLength = PrefixLength(contentType);
        var rented = ArrayPool<byte>.Shared.Rent(prefixLength + body.Length);
        try
        {
            WritePrefix(contentType, rented);
            body.CopyTo(rented.AsSpan(prefixLength));
            return ForPrefixed(rented.AsSpan(0, prefixLength + body.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>How many bytes the content type puts before a body (<see cref="WritePrefix"/>).</summary>
    public static int PrefixLength(string contentType) => Encoding.UTF8.GetByteCount(contentType) + 1;

    /// <summary>Writes what a tag hashes before a body of <paramref name="contentType"/>; returns its length.</summary>
    public static int WritePrefix(string contentType, Span<byte> destination)
    {
        var length = Encoding.UTF8.GetBytes(contentType, destination);
        destination[length] = 0;
        return length + 1;
    }

    /// <summary>The tag of a body written after its content type's prefix (<see cref="WritePrefix"/>).</summary>
    public static string ForPrefixed(ReadOnlySpan<byte> prefixAndBody)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(prefixAndBody, digest);
        Span<char> tag = stackalloc char[Base64Url.GetEncodedLength(HashedBytes) + 2];
        tag[0] = '"';
        Base64Url.EncodeToChars(digest[..HashedBytes], tag[1..]);
        tag[^1] = '"';
        return new string(tag);
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
