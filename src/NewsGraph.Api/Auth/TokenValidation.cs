using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace NewsGraph.Api.Auth;

/// <summary>How a token is checked, shared by the HTTP middleware and the WebSocket handshake.</summary>
public sealed class TokenValidation(SigningKey signingKey, IOptions<AuthOptions> options)
{
    public TokenValidationParameters Parameters { get; } = new()
    {
        ValidIssuer = options.Value.Issuer,
        ValidAudience = options.Value.Audience,
        IssuerSigningKey = signingKey.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = "sub",
        RoleClaimType = "role",
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
