using System.Buffers;
using System.Text.Json;
using GraphQL;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// Writes execution results and errors as the streaming transports send them, through the
/// registered serializer, so errors are masked and coded exactly as over plain HTTP.
/// </summary>
public sealed class ResultFormatter(IGraphQLTextSerializer serializer)
{
    /// <summary>The whole result: <c>{"data":…,"errors":…}</c>.</summary>
    public string Result(ExecutionResult result) => serializer.Serialize(result);

    /// <summary>Just the errors array of <paramref name="errors"/>, formatted as in a result.</summary>
    public string Errors(IEnumerable<ExecutionError> errors)
    {
        var result = new ExecutionResult { Errors = [.. errors] };
        using var document = JsonDocument.Parse(serializer.Serialize(result));
        return document.RootElement.TryGetProperty("errors", out var array) ? array.GetRawText() : "[]";
    }

    /// <summary>A protocol message: <c>{"id":…,"type":…,"payload":…}</c>, the payload already JSON.</summary>
    public static byte[] Message(string type, string? id = null, string? payloadJson = null)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + (payloadJson?.Length ?? 0));
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            json.WriteStartObject();
            if (id is not null)
                json.WriteString("id", id);
            json.WriteString("type", type);
            if (payloadJson is not null)
            {
                json.WritePropertyName("payload");
                json.WriteRawValue(payloadJson, skipInputValidation: true);
            }
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
