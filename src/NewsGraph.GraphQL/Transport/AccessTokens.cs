using System.Globalization;
using System.Security.Claims;
using System.Text.Json;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// Turns an access token into a user. The application provides it (it knows how its tokens are
/// signed); WebSocket clients send their token in <c>connection_init</c>, since browsers cannot
/// set headers on a WebSocket.
/// </summary>
public interface IConnectionAuthenticator
{
    /// <summary>The signed-in user, or null when the token is not accepted.</summary>
    ValueTask<ClaimsPrincipal?> AuthenticateAsync(string token, CancellationToken cancellationToken);
}

public static class AccessTokens
{
    private static readonly string[] TokenKeys = ["authorization", "token", "authToken", "accessToken", "access_token"];

    /// <summary>
    /// The token in a <c>connection_init</c> payload, in any of the shapes clients use:
    /// <c>{"Authorization":"Bearer …"}</c>, <c>{"authToken":"…"}</c>, <c>{"headers":{"Authorization":"Bearer …"}}</c>.
    /// Null when there is none; an empty string when something token-like is there but unusable.
    /// </summary>
    public static string? FromConnectionParams(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in payload.EnumerateObject())
        {
            if (TokenKeys.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                return property.Value.ValueKind == JsonValueKind.String ? WithoutScheme(property.Value.GetString()!) : "";
        }
        foreach (var property in payload.EnumerateObject())
        {
            if (property.NameEquals("headers") && FromConnectionParams(property.Value) is { } fromHeaders)
                return fromHeaders;
        }
        return null;
    }

    /// <summary>When the user's token expires (its <c>exp</c> claim), or null when it does not say.</summary>
    public static DateTimeOffset? ExpiresAt(ClaimsPrincipal? user)
        => user?.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static bool IsSignedIn(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true;

    private static string WithoutScheme(string value)
    {
        var trimmed = value.Trim();
        return trimmed.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? trimmed[7..].Trim() : trimmed;
    }
}
