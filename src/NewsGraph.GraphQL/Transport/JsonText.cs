using System.Text.Unicode;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// What <see cref="System.Text.Json.JsonDocument"/> accepts but cannot read as text: bytes that are
/// not UTF-8 (it checks a string only when it is read) and escapes of half a surrogate pair
/// (<c>"\ud800"</c>), which make <c>GetString()</c> throw. Requests are refused for either before
/// anything reads them.
/// </summary>
internal static class JsonText
{
    /// <summary>Why <paramref name="json"/> cannot be read as text, or null when it can.</summary>
    public static string? Problem(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
            return "is not valid UTF-8";
        return HasLoneSurrogateEscape(json) ? "holds a \\u escape of half a surrogate pair" : null;
    }

    /// <summary>
    /// True when a <c>\uD800</c>–<c>\uDFFF</c> escape is not half of a high-low pair. Backslashes
    /// only occur inside strings in JSON, so every one starts an escape.
    /// </summary>
    private static bool HasLoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var i = json.IndexOf((byte)'\\');
        while (i >= 0 && i < json.Length)
        {
            if (CodeUnitAt(json, i) is not { } unit)
            {
                i += 2; // \n, \", \\ ...
            }
            else if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (CodeUnitAt(json, i + 6) is not (>= 0xDC00 and <= 0xDFFF))
                    return true;
                i += 12;
            }
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return true;
            }
            else
            {
                i += 6;
            }
            if (i >= json.Length)
                break;
            var next = json[i..].IndexOf((byte)'\\');
            i = next < 0 ? -1 : i + next;
        }
        return false;
    }

    /// <summary>The UTF-16 code unit of a <c>\uXXXX</c> escape at <paramref name="i"/>, or null when there is none there.</summary>
    private static int? CodeUnitAt(ReadOnlySpan<byte> json, int i)
    {
        if (i + 6 > json.Length || json[i] != '\\' || json[i + 1] != 'u')
            return null;
        var unit = 0;
        foreach (var b in json.Slice(i + 2, 4))
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
                return null;
            unit = unit * 16 + digit;
        }
        return unit;
    }
}
