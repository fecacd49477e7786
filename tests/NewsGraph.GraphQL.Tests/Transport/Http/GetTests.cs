using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Transport.Http;

public sealed class GetTests : IAsyncLifetime
{
    private LibraryServer _server = null!;

    public async Task InitializeAsync() => _server = await LibraryServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Get_Query_Executes()
    {
        var response = await _server.GetAsync("/graphql?query=" + Uri.EscapeDataString("query($n: String) { hello(name: $n) }")
                                              + "&variables=" + Uri.EscapeDataString("{\"n\":\"Busan\"}"));

        Assert.Equal(200, response.Status);
        Assert.Equal("Hello Busan", response.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Get_Mutation_Gets405WithAllowPost()
    {
        var response = await _server.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { addBook(title: \"x\") { title } }"));

        Assert.Equal(405, response.Status);
        Assert.Equal(["OPERATION_NOT_ALLOWED"], response.ErrorCodes);
        Assert.Contains("POST", response.Message.Content.Headers.Allow);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task Get_MutationTwice_IsRefusedAlsoFromTheDocumentCache()
    {
        var query = "/graphql?query=" + Uri.EscapeDataString("mutation { addBook(title: \"x\") { title } }");
        var post = await _server.PostAsync("mutation { addBook(title: \"x\") { title } }");
        var get = await _server.GetAsync(query);

        Assert.Equal(200, post.Status);
        Assert.Equal(405, get.Status);
    }

    [Theory]
    [InlineData("variables", "{not json")]
    [InlineData("extensions", "{not json")]
    [InlineData("variables", "{\"n\": \"\\ud800\"}")]
    public async Task Get_ParameterThatIsNotJson_Gets400(string parameter, string value)
    {
        var response = await _server.GetAsync($"/graphql?query={Uri.EscapeDataString("{ hello }")}&{parameter}={Uri.EscapeDataString(value)}");

        Assert.Equal(400, response.Status);
        Assert.Equal(["JSON_INVALID"], response.ErrorCodes);
    }

    [Fact]
    public async Task Get_VariablesNotAnObject_Gets400()
    {
        var response = await _server.GetAsync($"/graphql?query={Uri.EscapeDataString("{ hello }")}&variables=%5B1%5D");

        Assert.Equal(400, response.Status);
        Assert.Equal(["REQUEST_INVALID"], response.ErrorCodes);
    }

    [Fact]
    public async Task Get_WithoutQuery_Gets400()
    {
        var response = await _server.GetAsync("/graphql");

        Assert.Equal(400, response.Status);
        Assert.Equal(["QUERY_MISSING"], response.ErrorCodes);
    }
}
