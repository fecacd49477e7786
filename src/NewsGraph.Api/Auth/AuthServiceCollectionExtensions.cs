using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace NewsGraph.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>JWT bearer authentication with the roles reader, editor and admin.</summary>
    public static IServiceCollection AddNewsAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName));
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TokenValidation>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenValidation>((jwt, validation) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = validation.Parameters;
            });
        return services;
    }
}

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
