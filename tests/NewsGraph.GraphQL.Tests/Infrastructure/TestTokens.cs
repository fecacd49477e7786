using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.GraphQL.Tests.Infrastructure;

/// <summary>
/// Toy access tokens for the toolkit's tests: <c>name:role:expiresUnixSeconds</c>. The toolkit only
/// sees the <see cref="ClaimsPrincipal"/>; how an application signs its tokens is its own business.
/// </summary>
public sealed class TestTokens : IConnectionAuthenticator
{
    public static string For(string name, string role, DateTimeOffset expires) => $"{name}:{role}:{expires.ToUnixTimeSeconds()}";

    public ValueTask<ClaimsPrincipal?> AuthenticateAsync(string token, CancellationToken cancellationToken) => ValueTask.FromResult(Parse(token));

    public static ClaimsPrincipal? Parse(string token)
    {
        var parts = token.Split(':');
        if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) <= DateTimeOffset.UtcNow)
            return null;
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", parts[0]), new Claim("role", parts[1]), new Claim("exp", parts[2])], "test", "sub", "role"));
    }

    /// <summary>Signs in HTTP requests with <c>Authorization: Bearer name:role:exp</c>.</summary>
    public static Task AuthenticateAsync(HttpContext http, Func<Task> next)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal) && Parse(header[7..]) is { } user)
            http.User = user;
        return next();
    }
}
