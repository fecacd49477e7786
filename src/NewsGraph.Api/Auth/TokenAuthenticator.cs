using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.Api.Auth;

/// <summary>Checks the token a WebSocket client sends in <c>connection_init</c>, as the HTTP middleware checks headers.</summary>
public sealed class TokenAuthenticator(TokenValidation validation) : IConnectionAuthenticator
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async ValueTask<ClaimsPrincipal?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var result = await _handler.ValidateTokenAsync(token, validation.Parameters);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }
}
