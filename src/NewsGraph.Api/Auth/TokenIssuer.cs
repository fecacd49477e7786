using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NewsGraph.Api.Auth;

/// <summary>Mints bearer tokens signed with the <see cref="SigningKey"/> (the <c>token</c> command; tests).</summary>
public sealed class TokenIssuer(SigningKey signingKey, IOptions<AuthOptions> options, TimeProvider clock)
{
    public string Issue(string name, string role, TimeSpan? lifetime = null)
    {
        if (!Roles.All.Contains(role))
            throw new ArgumentException($"The role must be one of {string.Join(", ", Roles.All)}.", nameof(role));
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", name), new Claim("role", role)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? options.Value.TokenLifetime),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
