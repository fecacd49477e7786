using System.Text.Json;

namespace NewsGraph.GraphQL.Transport.WebSockets;

/// <summary>
/// One incoming message of either protocol: a JSON object with a string <c>type</c>, and an
/// <c>id</c> and a <c>payload</c> when it has them; or, for anything else, what is wrong with it.
/// The payload lives as long as the message.
/// </summary>
internal sealed class ProtocolMessage : IDisposable
{
    private readonly JsonDocument? _document;

    private ProtocolMessage(JsonDocument? document, string? type, string? id, JsonElement payload, string? problem)
    {
        _document = document;
        Type = type;
        Id = id;
        Payload = payload;
        Problem = problem;
    }

    public string? Type { get; }

    public string? Id { get; }

    public JsonElement Payload { get; }

    /// <summary>Why the message breaks the protocol, or null.</summary>
    public string? Problem { get; }

    public static ProtocolMessage Read(ReadOnlyMemory<byte> text, bool isText)
    {
        if (!isText)
            return Invalid("Binary messages are not supported; send JSON text.");
        if (JsonText.Problem(text.Span) is { } problem)
            return Invalid($"The message {problem}.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return Invalid("The message is not valid JSON.");
        }
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            document.Dispose();
            return Invalid("A message must be a JSON object with a string `type`.");
        }
        var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        var payload = root.TryGetProperty("payload", out var payloadElement) ? payloadElement : default;
        return new ProtocolMessage(document, type.GetString(), id, payload, null);
    }

    public void Dispose() => _document?.Dispose();

    private static ProtocolMessage Invalid(string problem) => new(null, null, null, default, problem);
}
