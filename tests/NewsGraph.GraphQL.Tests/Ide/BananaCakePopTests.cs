using System.Text.Json;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Ide;

public sealed class BananaCakePopTests : IAsyncLifetime
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private LibraryServer _server = null!;

    public async Task InitializeAsync() => _server = await LibraryServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task BrowserOpeningTheEndpoint_IsSentToTheIde()
    {
        var response = await _server.GetAsync("/graphql", BrowserAccept);

        Assert.Equal(302, response.Status);
        Assert.Equal("/graphql/", response.Message.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Ide_ServesBananaCakePop()
    {
        var response = await _server.GetAsync("/graphql/", BrowserAccept);

        Assert.Equal(200, response.Status);
        Assert.Equal("text/html", response.MediaType);
        Assert.Contains("<title>Banana Cake Pop</title>", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ide_ConfigUsesThePageUrlAndDisablesTelemetry()
    {
        var response = await _server.GetAsync("/graphql/bcp-config.json", "*/*");
        var config = JsonDocument.Parse(response.Text).RootElement;

        Assert.Equal(200, response.Status);
        Assert.True(config.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.True(config.GetProperty("disableTelemetry").GetBoolean());
    }

    [Fact]
    public async Task Ide_ServiceWorkerIsJavaScript()
    {
        var response = await _server.GetAsync("/graphql/service-worker.js", "*/*");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/javascript", response.MediaType);
    }

    [Fact]
    public async Task Ide_ShipsItsLicense()
    {
        var response = await _server.GetAsync("/graphql/LICENSE", "*/*");

        Assert.Equal(200, response.Status);
        Assert.Contains("ChilliCream", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ide_HashedAssetsAreCachedForever()
    {
        var index = await _server.GetAsync("/graphql/", BrowserAccept);
        var script = System.Text.RegularExpressions.Regex.Match(index.Text, "src=\"(static/js/[^\"]+)\"").Groups[1].Value;

        var response = await _server.GetAsync("/graphql/" + script, "*/*");

        Assert.Equal(200, response.Status);
        Assert.Contains("immutable", response.Message.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserGetWithAQuery_IsStillGraphQL()
    {
        var response = await _server.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ hello }"), BrowserAccept);

        Assert.Equal(200, response.Status);
        Assert.Equal("Hello world", response.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task UnknownIdeFile_Is404()
    {
        var response = await _server.GetAsync("/graphql/../../etc/passwd", "*/*");

        Assert.Equal(404, response.Status);
    }
}
