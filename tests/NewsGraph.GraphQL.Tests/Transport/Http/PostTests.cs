using NewsGraph.GraphQL.Tests.Infrastructure;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.GraphQL.Tests.Transport.Http;

public sealed class PostTests : IAsyncLifetime
{
    private LibraryServer _server = null!;

    public async Task InitializeAsync() => _server = await LibraryServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Post_AcceptingGraphQLResponseJson_AnswersInThatMediaTypeAsUtf8()
    {
        var response = await _server.PostAsync("{ hello }");

        Assert.Equal(200, response.Status);
        Assert.Equal(MediaTypes.GraphQLResponse, response.MediaType);
        Assert.Equal("utf-8", response.Charset);
        Assert.Equal("Hello world", response.Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/*")]
    public async Task Post_WithoutExplicitGraphQLResponseJson_AnswersApplicationJson(string? accept)
    {
        var response = await _server.PostAsync("{ hello }", accept: accept);

        Assert.Equal(200, response.Status);
        Assert.Equal(MediaTypes.Json, response.MediaType);
    }

    [Fact]
    public async Task Post_PreferringGraphQLResponseJsonByQuality_GetsIt()
    {
        var response = await _server.PostAsync("{ hello }", accept: "application/json;q=0.5, application/graphql-response+json");

        Assert.Equal(MediaTypes.GraphQLResponse, response.MediaType);
    }

    [Fact]
    public async Task Post_AcceptingNothingWeProduce_Gets406WithCode()
    {
        var response = await _server.PostAsync("{ hello }", accept: "text/csv");

        Assert.Equal(406, response.Status);
        Assert.Equal(["NOT_ACCEPTABLE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Post_VariablesAndOperationName_AreUsed()
    {
        var response = await _server.PostAsync(
            "query A { hello } query B($n: String) { hello(name: $n) }", new { n = "Seoul" }, operationName: "B");

        Assert.Equal(200, response.Status);
        Assert.Equal("Hello Seoul", response.Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData(MediaTypes.GraphQLResponse)]
    [InlineData(MediaTypes.Json)]
    public async Task Post_MalformedJson_Gets400JsonInvalid(string accept)
    {
        var response = await _server.SendJsonAsync("{ \"query\": ", accept);

        Assert.Equal(400, response.Status);
        Assert.Equal(["JSON_INVALID"], response.ErrorCodes);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task Post_InvalidUtf8_Gets400JsonInvalid()
    {
        using var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.ContentType = new("application/json");
        var response = await GraphQLHttpResponse.ReadAsync(await _server.Client.PostAsync("/graphql", content));

        Assert.Equal(400, response.Status);
        Assert.Equal(["JSON_INVALID"], response.ErrorCodes);
    }

    // JsonDocument parses half a surrogate pair, then GetString() throws: these were 500s with a stack trace.
    [Theory]
    [InlineData("{\"query\": \"{ hello } # \\ud800\"}")]
    [InlineData("{\"query\": \"query Q { hello }\", \"operationName\": \"Q\\udc00\"}")]
    [InlineData("{\"query\": \"query($n: String) { hello(name: $n) }\", \"variables\": {\"n\": \"\\ud83d!\"}}")]
    [InlineData("{\"id\": \"\\udfff\"}")]
    public async Task Post_HalfASurrogatePairEscaped_Gets400JsonInvalid(string body)
    {
        var response = await _server.SendJsonAsync(body);

        Assert.Equal(400, response.Status);
        Assert.Equal(["JSON_INVALID"], response.ErrorCodes);
        Assert.Contains("surrogate", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AWholeSurrogatePairEscaped_IsRead()
    {
        var response = await _server.SendJsonAsync("{\"query\": \"query($n: String) { hello(name: $n) }\", \"variables\": {\"n\": \"\\ud83d\\ude00\"}}");

        Assert.Equal(200, response.Status);
        Assert.Equal("Hello \U0001F600", response.Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("{\"query\": 1}", "REQUEST_INVALID")]
    [InlineData("{\"query\": \"{ hello }\", \"variables\": [1]}", "REQUEST_INVALID")]
    [InlineData("{\"query\": \"{ hello }\", \"extensions\": \"x\"}", "REQUEST_INVALID")]
    [InlineData("{\"query\": \"{ hello }\", \"operationName\": false}", "REQUEST_INVALID")]
    [InlineData("{\"qeury\": \"{ hello }\"}", "QUERY_MISSING")]
    [InlineData("[{\"query\": \"{ hello }\"}]", "BATCHING_NOT_SUPPORTED")]
    [InlineData("\"{ hello }\"", "REQUEST_INVALID")]
    public async Task Post_BadParameters_Get400WithCode(string body, string code)
    {
        var response = await _server.SendJsonAsync(body);

        Assert.Equal(400, response.Status);
        Assert.Equal([code], response.ErrorCodes);
    }

    [Fact]
    public async Task Post_EmptyBody_Gets400()
    {
        var response = await _server.SendJsonAsync("");

        Assert.Equal(400, response.Status);
        Assert.Equal(["JSON_INVALID"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Post_UnsupportedContentType_Gets415(string contentType)
    {
        var response = await _server.SendJsonAsync("{\"query\":\"{ hello }\"}", contentType: contentType);

        Assert.Equal(415, response.Status);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Post_SyntaxError_Gets400WithoutDataForGraphQLResponseJson()
    {
        var response = await _server.PostAsync("{ hello ");

        Assert.Equal(400, response.Status);
        Assert.False(response.HasData);
        Assert.Equal(["SYNTAX_ERROR"], response.ErrorCodes);
    }

    [Fact]
    public async Task Post_SyntaxError_Gets200ForApplicationJson()
    {
        var response = await _server.PostAsync("{ hello ", accept: MediaTypes.Json);

        Assert.Equal(200, response.Status);
        Assert.Equal(["SYNTAX_ERROR"], response.ErrorCodes);
    }

    [Fact]
    public async Task Post_UnknownField_Gets400WithValidationCode()
    {
        var response = await _server.PostAsync("{ nope }");

        Assert.Equal(400, response.Status);
        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Post_VariableOfWrongType_Gets400()
    {
        var response = await _server.PostAsync("query($n: Int!) { books(first: $n) { title } }", new { n = "many" });

        Assert.Equal(400, response.Status);
        Assert.Equal(["INVALID_VALUE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Post_Mutation_Runs()
    {
        var response = await _server.PostAsync("mutation { addBook(title: \"Wire\") { title } }");

        Assert.Equal(200, response.Status);
        Assert.Equal("Wire", response.Data.GetProperty("addBook").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task OtherMethods_Get405WithAllow(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql");
        var response = await GraphQLHttpResponse.ReadAsync(await _server.Client.SendAsync(request));

        Assert.Equal(405, response.Status);
        Assert.Equal("GET, POST", string.Join(", ", response.Message.Content.Headers.Allow));
        Assert.Equal(["METHOD_NOT_ALLOWED"], response.ErrorCodes);
    }
}
