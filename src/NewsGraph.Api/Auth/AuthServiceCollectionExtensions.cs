using Microsoft.AspNetCore.Authentication.JwtBearer;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>JWT bearer authentication with the roles reader, editor and admin, for HTTP and WebSockets.</summary>
    public static IServiceCollection AddNewsAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName));
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TokenValidation>();
        // WebSocket clients sign in with the token in connection_init.
        services.AddSingleton<IConnectionAuthenticator, TokenAuthenticator>();
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
