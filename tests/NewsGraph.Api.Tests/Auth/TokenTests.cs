using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Cli;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Auth;

/// <summary>Bearer tokens as the server takes them: signed by its key, for it, and not expired.</summary>
public sealed class TokenTests : IClassFixture<NewsGraphApplication>
{
    private const string FeedbackList = "{ feedback(first: 1) { totalCount } }";
    private readonly NewsGraphApplication _app;

    public TokenTests(NewsGraphApplication app) => _app = app;

    public static TheoryData<string> RejectedTokens() => new()
    {
        "expired",
        "not yet valid",
        "foreign key",
        "wrong audience",
        "wrong issuer",
        "unsigned",
        "garbage",
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task ARejectedToken_Is401WithAuthNotAuthenticated(string kind)
    {
        var response = await _app.PostAsync(FeedbackList, token: Token(kind));

        Assert.Equal(401, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Message.Headers.WwwAuthenticate.ToString());
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task AnotherAuthorizationScheme_IsRejectedNotIgnored()
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("editor:editor"u8.ToArray()));

        var response = await GraphQLHttpResponse.ReadAsync(await client.SendAsync(request));

        Assert.Equal(401, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task AValidToken_WithAnUnknownRole_IsSignedInButNotAnEditor()
    {
        var response = await _app.PostAsync(FeedbackList, token: Sign(new SecurityTokenDescriptor { Subject = Subject("mallory", "superuser") }));

        Assert.Equal(200, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
    }

    [Fact]
    public async Task TheTokenVerb_MintsATokenTheServerAccepts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(_app.Services, ["token", "--role", "editor", "--name", "alice", "--hours", "2"], output, error);
        var token = output.ToString().Trim();
        var response = await _app.PostAsync(FeedbackList, token: token);

        Assert.Equal(0, exitCode);
        Assert.Empty(response.Errors);
        var jwt = new JsonWebToken(token);
        Assert.Equal(("alice", "editor"), (jwt.Subject, jwt.GetClaim("role").Value));
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("token")]
    [InlineData("token --role owner")]
    public async Task TheTokenVerb_WithoutAKnownRole_FailsWithUsage(string args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(_app.Services, args.Split(' '), output, error);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output.ToString());
        Assert.Contains("--role reader|editor|admin", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Provider", "Sqlite")] // with PostgreSQL a key must be configured (AuthStartupTests)
    public async Task TheGeneratedKey_IsPrivateAndOutlivesARestart()
    {
        var folder = Directory.CreateTempSubdirectory("newsgraph-key-").FullName;
        try
        {
            string token;
            using (var first = NewsGraphApplication.OnFolder(folder))
                token = first.TokenFor("editor")!;
            var keyFile = Path.Combine(folder, "jwt-signing.key");
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            Assert.Equal(64, Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Length);

            using var second = NewsGraphApplication.OnFolder(folder);
            var response = await second.PostAsync(FeedbackList, token: token);

            Assert.Empty(response.Errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Token(string kind)
    {
        var now = DateTime.UtcNow;
        return kind switch
        {
            "expired" => Sign(new() { Subject = Subject("alice", "editor"), IssuedAt = now.AddHours(-2), NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-5) }),
            "not yet valid" => Sign(new() { Subject = Subject("alice", "editor"), IssuedAt = now, NotBefore = now.AddHours(1), Expires = now.AddHours(2) }),
            "foreign key" => Sign(new() { Subject = Subject("alice", "editor") }, new SymmetricSecurityKey(new byte[64])),
            "wrong audience" => Sign(new() { Subject = Subject("alice", "editor"), Audience = "someone-else" }),
            "wrong issuer" => Sign(new() { Subject = Subject("alice", "editor"), Issuer = "someone-else" }),
            "unsigned" => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "newsgraph", Audience = "newsgraph", Subject = Subject("alice", "editor"), Expires = now.AddHours(1),
            }),
            _ => "not-a-token",
        };
    }

    private string Sign(SecurityTokenDescriptor descriptor, SecurityKey? key = null)
    {
        descriptor.Issuer ??= "newsgraph";
        descriptor.Audience ??= "newsgraph";
        descriptor.Expires ??= DateTime.UtcNow.AddHours(1);
        descriptor.SigningCredentials = new SigningCredentials(key ?? _app.Services.GetRequiredService<SigningKey>().Key, SecurityAlgorithms.HmacSha256);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static ClaimsIdentity Subject(string name, string role) => new([new Claim("sub", name), new Claim("role", role)]);
}
