using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace NewsGraph.GraphQL.Relay;

/// <summary>
/// Global object IDs as Hot Chocolate v14–v16 write them: base64 of <c>TypeName:id</c>
/// (<c>Article:42</c> → <c>QXJ0aWNsZTo0Mg==</c>). Read strictly, in every form Hot Chocolate
/// emits or accepts and nothing else: standard or URL-safe base64, padded or not, decoding
/// cleanly and canonically (no whitespace, no stray bits); a GraphQL type name; then either
/// <c>:</c> and the key, or the v13 form (<c>TypeName\n</c>, a type tag, the key), whose tag must
/// be one Hot Chocolate writes. An integer key is canonical decimal: digits only, no sign, no
/// leading zero, above zero. Hot Chocolate itself skips the legacy tag and ignores what follows a
/// number; here an ID either means exactly one node or none.
/// </summary>
public static class GlobalId
{
    /// <summary>Hot Chocolate's limit on an ID's length.</summary>
    public const int MaxLength = 1024;

    /// <summary>The v13 tags: <c>i</c> int, <c>l</c> long, <c>s</c> short (integer keys), <c>g</c> Guid, <c>d</c> anything else.</summary>
    private const string IntegerTags = "ils";
    private const string KnownTags = "ilsgd";

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static string Format(string typeName, int id)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Concat(typeName, ":", id.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Decodes an ID into its type name and its key as text; false for anything that is not an ID.</summary>
    public static bool TryParse(string? value, out string typeName, out string key) => TryParse(value, out typeName, out key, out _);

    /// <summary>Decodes an ID of <paramref name="expectedType"/> whose key is a positive integer.</summary>
    public static bool TryParseInt(string? value, string expectedType, [NotNullWhen(true)] out int? id)
    {
        id = null;
        if (!TryParse(value, out var type, out var key, out var tag) || type != expectedType
            || (tag is { } t && !IntegerTags.Contains(t, StringComparison.Ordinal)) || !IsCanonicalPositive(key))
            return false;
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return false;
        id = number;
        return true;
    }

    private static bool TryParse(string? value, out string typeName, out string key, out char? legacyTag)
    {
        typeName = key = "";
        legacyTag = null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || Decode(value) is not { } text)
            return false;

        var separator = text.AsSpan().IndexOfAny(':', '\n');
        if (separator <= 0 || !IsTypeName(text.AsSpan(0, separator)))
            return false;
        typeName = text[..separator];
        if (text[separator] == '\n')
        {
            if (separator + 2 >= text.Length || !KnownTags.Contains(text[separator + 1], StringComparison.Ordinal))
                return false;
            legacyTag = text[separator + 1];
            key = text[(separator + 2)..];
        }
        else
        {
            key = text[(separator + 1)..];
        }
        return key.Length > 0;
    }

    /// <summary>The UTF-8 text of a canonical base64 string (standard or URL-safe alphabet, padding optional), or null.</summary>
    private static string? Decode(string value)
    {
        var standard = value.Replace('-', '+').Replace('_', '/');
        var unpadded = standard.TrimEnd('=');
        if (standard.Length - unpadded.Length > 2 || unpadded.Length % 4 == 1)
            return null;
        var padded = unpadded.PadRight(unpadded.Length + ((4 - (unpadded.Length % 4)) % 4), '=');
        if (standard.Length != unpadded.Length && standard.Length != padded.Length)
            return null; // wrong amount of padding
        var bytes = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
            return null;
        // Convert accepts white space and ignores stray bits in the last character: re-encoding tells.
        if (!string.Equals(Convert.ToBase64String(bytes, 0, written), padded, StringComparison.Ordinal))
            return null;
        try
        {
            return StrictUtf8.GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsTypeName(ReadOnlySpan<char> name)
    {
        if (!(char.IsAsciiLetter(name[0]) || name[0] == '_'))
            return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                return false;
        }
        return true;
    }

    private static bool IsCanonicalPositive(string key)
        => key.Length is > 0 and <= 10 && key[0] is >= '1' and <= '9' && key.All(char.IsAsciiDigit);
}
