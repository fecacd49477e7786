using System.Globalization;
using System.Text.Json;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.Paging;

/// <summary>
/// Opaque keyset cursors: base64 of a JSON array holding a fingerprint of the order and the sort
/// key values of the item. A page after a cursor is a range query on the sort index, so page 1000
/// costs what page 1 does. A cursor made for another order, or edited, is refused (HC0078).
/// </summary>
public static class KeysetCursor
{
    public static string Fingerprint(IReadOnlyList<OrderKey> order)
    {
        // FNV-1a over the key signatures: short, stable across processes (string.GetHashCode is not).
        var hash = 2166136261u;
        foreach (var c in string.Join('|', order.Select(k => k.Signature)))
            hash = (hash ^ c) * 16777619u;
        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    public static string Encode(string fingerprint, IReadOnlyList<object?> values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(fingerprint);
            foreach (var value in values)
                WriteValue(json, value);
            json.WriteEndArray();
        }
        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The key values in <paramref name="cursor"/>, typed as the order's keys; false when it is not one of ours.</summary>
    public static bool TryDecode(string cursor, string fingerprint, IReadOnlyList<OrderKey> order, out object?[] values)
    {
        values = [];
        if (cursor.Length is 0 or > 4096)
            return false;
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var items = document.RootElement;
            if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() != order.Count + 1
                || items[0].ValueKind != JsonValueKind.String || items[0].GetString() != fingerprint)
                return false;
            var decoded = new object?[order.Count];
            for (var i = 0; i < order.Count; i++)
            {
                if (!TryReadValue(items[i + 1], order[i].KeyType, out decoded[i]))
                    return false;
            }
            values = decoded;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or OverflowException)
        {
            return false;
        }
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case short s: json.WriteNumberValue(s); break;
            case double d: json.WriteNumberValue(d); break;
            case float f: json.WriteNumberValue(f); break;
            case decimal m: json.WriteNumberValue(m); break;
            case DateTime t: json.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: json.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateOnly d: json.WriteStringValue(d.ToString("O", CultureInfo.InvariantCulture)); break;
            case Guid g: json.WriteStringValue(g.ToString("N")); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            default: throw new NotSupportedException($"Cannot put a {value.GetType().Name} in a cursor.");
        }
    }

    private static bool TryReadValue(JsonElement element, Type type, out object? value)
    {
        value = null;
        var target = Nullable.GetUnderlyingType(type);
        if (element.ValueKind == JsonValueKind.Null)
            return target is not null || !type.IsValueType;
        target ??= type;
        value = target switch
        {
            _ when target == typeof(string) && element.ValueKind == JsonValueKind.String => element.GetString(),
            _ when target == typeof(bool) && element.ValueKind is JsonValueKind.True or JsonValueKind.False => element.GetBoolean(),
            _ when target == typeof(int) && element.TryGetInt32(out var i) => i,
            _ when target == typeof(long) && element.TryGetInt64(out var l) => l,
            _ when target == typeof(short) && element.TryGetInt16(out var s) => s,
            _ when target == typeof(double) && element.TryGetDouble(out var d) => d,
            _ when target == typeof(float) && element.TryGetSingle(out var f) => f,
            _ when target == typeof(decimal) && element.TryGetDecimal(out var m) => m,
            _ when target == typeof(DateTime) && element.ValueKind == JsonValueKind.String
                => DateTime.ParseExact(element.GetString()!, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ when target == typeof(DateTimeOffset) && element.ValueKind == JsonValueKind.String
                => DateTimeOffset.ParseExact(element.GetString()!, "O", CultureInfo.InvariantCulture),
            _ when target == typeof(DateOnly) && element.ValueKind == JsonValueKind.String
                => DateOnly.ParseExact(element.GetString()!, "O", CultureInfo.InvariantCulture),
            _ when target == typeof(Guid) && element.ValueKind == JsonValueKind.String => Guid.ParseExact(element.GetString()!, "N"),
            _ when target.IsEnum && element.ValueKind == JsonValueKind.String
                && Enum.TryParse(target, element.GetString(), ignoreCase: false, out var e) && Enum.IsDefined(target, e!) => e,
            _ => null,
        };
        return value is not null;
    }
}
