using System.Text;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Execution;

public sealed class LimitsTests
{
    private static Task<LibraryServer> StartAsync(string key, string value)
        => LibraryServer.StartAsync(new Dictionary<string, string?> { [$"GraphQL:{key}"] = value });

    [Fact]
    public async Task ParserDepth_OverTheLimit_Gets400WithCode()
    {
        await using var server = await StartAsync("MaxParserDepth", "40");
        var nested = new StringBuilder("{ hello(name: ");
        nested.Append('[', 60).Append("\"x\"").Append(']', 60).Append(") }");

        var response = await server.PostAsync(nested.ToString());

        Assert.Equal(400, response.Status);
        Assert.Equal(["PARSER_DEPTH_EXCEEDED"], response.ErrorCodes);
    }

    [Fact]
    public async Task ParserDepth_DefaultLimit_StopsAThousandNestedSelections()
    {
        await using var server = await LibraryServer.StartAsync();
        var query = string.Concat(Enumerable.Repeat("{ a ", 1000)) + new string('}', 1000);

        var response = await server.PostAsync(query);

        Assert.Equal(400, response.Status);
        Assert.Equal(["PARSER_DEPTH_EXCEEDED"], response.ErrorCodes);
    }

    [Fact]
    public async Task RequestBody_OverTheLimit_Gets413()
    {
        await using var server = await StartAsync("MaxRequestBodyBytes", "1024");
        var body = $"{{\"query\":\"{{ hello }}\",\"variables\":{{\"pad\":\"{new string('x', 2000)}\"}}}}";

        var response = await server.SendJsonAsync(body);

        Assert.Equal(413, response.Status);
        Assert.Equal(["REQUEST_TOO_LARGE"], response.ErrorCodes);
    }

    [Fact]
    public async Task RequestBody_OverTheLimitWithoutContentLength_Gets413()
    {
        await using var server = await StartAsync("MaxRequestBodyBytes", "1024");
        var bytes = Encoding.UTF8.GetBytes($"{{\"query\":\"{{ hello }}\",\"pad\":\"{new string('x', 5000)}\"}}");
        using var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new("application/json");

        var response = await GraphQLHttpResponse.ReadAsync(await server.Client.PostAsync("/graphql", content));

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(413, response.Status);
        Assert.Equal(["REQUEST_TOO_LARGE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Timeout_StopsTheExecutionWithHC0045()
    {
        await using var server = await StartAsync("ExecutionTimeout", "00:00:00.200");

        var response = await server.PostAsync("{ slow(ms: 20000) }");

        Assert.Equal(503, response.Status);
        Assert.Equal(["HC0045"], response.ErrorCodes);
        Assert.Contains("00:00:00.2", response.Errors[0].GetProperty("message").GetString());
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
