namespace NewsGraph.Api.Auth;

/// <summary>Bound from the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "newsgraph";
    public string Audience { get; set; } = "newsgraph";

    /// <summary>The HMAC-SHA256 signing key, base64 (at least 32 bytes). Set it from a secret store in production.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Where the key is kept when <see cref="SigningKey"/> is not set: created with a random key on
    /// first start, beside the embedded database by default, and never committed.
    /// </summary>
    public string SigningKeyFile { get; set; } = "data/jwt-signing.key";

    /// <summary>How long tokens minted by the <c>token</c> command last.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
