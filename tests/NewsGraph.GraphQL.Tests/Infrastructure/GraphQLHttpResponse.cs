using System.Text.Json;

namespace NewsGraph.GraphQL.Tests.Infrastructure;

/// <summary>A GraphQL response as a client sees it: status, media type and body.</summary>
public sealed class GraphQLHttpResponse
{
    public required HttpResponseMessage Message { get; init; }
    public required int Status { get; init; }
    public required string? MediaType { get; init; }
    public required string? Charset { get; init; }
    public required string Text { get; init; }

    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public bool HasData => Json.TryGetProperty("data", out _);

    public JsonElement Data => Json.GetProperty("data");

    public IReadOnlyList<JsonElement> Errors
        => Json.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    public IReadOnlyList<string?> ErrorCodes
        => [.. Errors.Select(e => e.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var code) ? code.GetString() : null)];

    public static async Task<GraphQLHttpResponse> ReadAsync(HttpResponseMessage message) => new()
    {
        Message = message,
        Status = (int)message.StatusCode,
        MediaType = message.Content.Headers.ContentType?.MediaType,
        Charset = message.Content.Headers.ContentType?.CharSet,
        Text = await message.Content.ReadAsStringAsync(),
    };
}
