using System.Security.Cryptography;
using System.Text;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Trusted-document ids. A client's tooling picks them (Hot Chocolate's default is an MD5 hash,
/// Apollo's and the GraphQL-over-HTTP draft's a SHA-256 one, the latter sometimes written
/// <c>sha256:…</c>); NewsGraph's own registration uses SHA-256 in lowercase hex. Any id of up to
/// 128 letters, digits, <c>-</c> and <c>_</c> is accepted, which also keeps it a safe file name.
/// </summary>
public static class OperationDocumentId
{
    public const int MaxLength = 128;

    /// <summary>The SHA-256 of the document's UTF-8 text, in lowercase hex: the id NewsGraph registers documents under.</summary>
    public static string For(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    /// <summary>The id as stored: without a <c>sha256:</c> (or other hash name) prefix; null when it is not a valid id.</summary>
    public static string? Normalize(string? id)
    {
        if (string.IsNullOrEmpty(id))
            return null;
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        var value = colon >= 0 ? id[(colon + 1)..] : id;
        if (value.Length is 0 or > MaxLength)
            return null;
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                return null;
        }
        return value;
    }
}
