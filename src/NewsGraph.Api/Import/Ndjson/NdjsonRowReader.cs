using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>The JSON of one line, with the reason it could not be read.</summary>
public static class NdjsonRowReader
{
    public static bool TryRead<T>(ReadOnlySpan<byte> line, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, out T? row, out string? error)
    {
        row = default;
        error = null;
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            error = "the line is not valid UTF-8";
            return false;
        }
        try
        {
            row = JsonSerializer.Deserialize(line, type);
            if (row is null)
                error = "the line is null, not an object";
            return row is not null;
        }
        catch (JsonException ex)
        {
            error = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd();
            if (ex.Path is { Length: > 1 } path)
                error += $" (at {path})";
            return false;
        }
    }
}
