using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>JWT bearer authentication with the roles reader, editor and admin, for HTTP and WebSockets.</summary>
    public static IServiceCollection AddNewsAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName))
            // A shared database means several instances may serve, and each must accept the others' tokens.
            .Validate<IOptions<DatabaseOptions>>(
                (auth, database) => database.Value.Provider != DatabaseProvider.PostgreSQL || !string.IsNullOrWhiteSpace(auth.SigningKey),
                "Database:Provider is PostgreSQL, so several instances may serve together and must sign tokens with one key: "
                + "set Auth:SigningKey (base64, at least 32 bytes; e.g. `openssl rand -base64 48`) from your secret store. "
                + "The key file Auth:SigningKeyFile generates is for one box only.")
            .ValidateOnStart();
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
