using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Transport;

/// <summary>Bad requests against the real application: a clear error with a code, never a 500.</summary>
public sealed class HttpErrorTests : IClassFixture<NewsGraphApplication>
{
    private readonly NewsGraphApplication _app;

    public HttpErrorTests(NewsGraphApplication app) => _app = app;

    [Fact]
    public async Task MalformedJson_Gets400JsonInvalid()
    {
        var response = await _app.SendJsonAsync("{\"query\": \"{ articles { headline } }\"");

        Assert.Equal(400, response.Status);
        Assert.Equal(["JSON_INVALID"], response.ErrorCodes);
    }

    [Fact]
    public async Task InvalidGraphQL_Gets400SyntaxError()
    {
        var response = await _app.PostAsync("{ articles { headline }");

        Assert.Equal(400, response.Status);
        Assert.Equal(["SYNTAX_ERROR"], response.ErrorCodes);
    }

    [Fact]
    public async Task UnknownField_Gets400WithValidationCode()
    {
        var response = await _app.PostAsync("{ articles { byline } }");

        Assert.Equal(400, response.Status);
        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], response.ErrorCodes);
    }

    [Fact]
    public async Task UnknownSlug_Gets200WithArticleNotFound()
    {
        var response = await _app.PostAsync("{ article(slug: \"nope\") { headline } }");

        Assert.Equal(200, response.Status);
        Assert.Equal(["ARTICLE_NOT_FOUND"], response.ErrorCodes);
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        var response = await _app.PostAsync("{ articles { headline } }", new { padding = new string('x', 300_000) });

        Assert.Equal(413, response.Status);
        Assert.Equal(["REQUEST_TOO_LARGE"], response.ErrorCodes);
    }

    [Fact]
    public async Task HostileDeepQuery_IsRefusedNotRun()
    {
        const string query = "{ articles { nodes { quotes { speaker { name } } bylines { person { name } } images { caption } section { name } } } "
            + "__schema { types { fields { type { fields { type { fields { name } } } } } } } }";

        // Editors may introspect (outside Development only they may), but not that deep.
        var response = await _app.PostAsync(query, token: _app.TokenFor("editor"));
        var anonymous = await _app.PostAsync(query);

        Assert.Equal(400, response.Status);
        Assert.Equal(["HC0086"], response.ErrorCodes);
        Assert.Equal(["HC0046"], anonymous.ErrorCodes);
    }
}
