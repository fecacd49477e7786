using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace NewsGraph.GraphQL.Relay;

/// <summary>
/// Global object IDs as Hot Chocolate v14/v15 write them: base64 of <c>TypeName:id</c>
/// (<c>Article:42</c> → <c>QXJ0aWNsZTo0Mg==</c>). The legacy v13 form (<c>TypeName\n</c>, a type
/// tag, the value) is read as well, so IDs a client stored from an older server keep working.
/// </summary>
public static class GlobalId
{
    public static string Format(string typeName, int id)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Concat(typeName, ":", id.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Decodes an ID into its type name and the value as text.</summary>
    public static bool TryParse(string? value, out string typeName, out string id)
    {
        typeName = id = "";
        if (string.IsNullOrEmpty(value) || value.Length > 512)
            return false;
        Span<byte> bytes = stackalloc byte[Base64.GetMaxDecodedFromUtf8Length(value.Length) + 3];
        if (!Convert.TryFromBase64String(Pad(value), bytes, out var written))
            return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[..written]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline > 0 && newline + 1 < text.Length)
        {
            // v13: "Article\ni42" — one tag character (i, l, s, g, d) before the value.
            typeName = text[..newline];
            id = text[(newline + 2)..];
            return id.Length > 0;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
            return false;
        typeName = text[..colon];
        id = text[(colon + 1)..];
        return true;
    }

    /// <summary>Decodes an ID of <paramref name="expectedType"/> whose value is an integer key.</summary>
    public static bool TryParseInt(string? value, string expectedType, [NotNullWhen(true)] out int? id)
    {
        id = null;
        if (!TryParse(value, out var type, out var text) || type != expectedType)
            return false;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            return false;
        id = number;
        return true;
    }

    private static string Pad(string value)
        => (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
}
