using System.Text;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Execution;

public sealed class LimitsTests
{
    private static Task<LibraryServer> StartAsync(string key, string value)
        => LibraryServer.StartAsync(new Dictionary<string, string?> { [$"GraphQL:{key}"] = value });

    [Fact]
    public async Task Depth_OverTheLimit_IsRefusedBeforeExecution()
    {
        await using var server = await StartAsync("MaxDepth", "4");

        var ok = await server.PostAsync("{ books { author { books { title } } } }");
        var tooDeep = await server.PostAsync("{ books { author { books { author { books { title } } } } } }");

        Assert.Equal(200, ok.Status);
        Assert.Equal(400, tooDeep.Status);
        Assert.Equal(["MAX_DEPTH_EXCEEDED"], tooDeep.ErrorCodes);
        Assert.Equal(6, tooDeep.Errors[0].GetProperty("extensions").GetProperty("detectedExecutionDepth").GetInt32());
        Assert.False(tooDeep.HasData);
    }

    [Fact]
    public async Task Complexity_OverTheLimit_IsRefused()
    {
        await using var server = await StartAsync("MaxComplexity", "500");

        var response = await server.PostAsync("{ books(first: 1000) { title author { name } } }");

        Assert.Equal(400, response.Status);
        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], response.ErrorCodes);
    }

    [Fact]
    public async Task Complexity_IsCheckedAgainForACachedDocumentWithNewVariables()
    {
        await using var server = await StartAsync("MaxComplexity", "500");
        const string query = "query($n: Int) { books(first: $n) { title author { name } } }";

        var cheap = await server.PostAsync(query, new { n = 2 });
        var expensive = await server.PostAsync(query, new { n = 1000 });

        Assert.Equal(200, cheap.Status);
        Assert.Equal(400, expensive.Status);
        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], expensive.ErrorCodes);
        Assert.Equal(1, server.Service<NewsGraph.GraphQL.Execution.DocumentCache>().Hits);
    }

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

    [Fact]
    public async Task Introspection_TheStandardQuery_IsAllowed()
    {
        await using var server = await LibraryServer.StartAsync();

        var response = await server.PostAsync(IntrospectionQuery.Full);

        Assert.Equal(200, response.Status);
        Assert.Empty(response.Errors);
        Assert.Equal("Query", response.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Introspection_NestedTypeLists_AreRefusedWithHC0086()
    {
        await using var server = await LibraryServer.StartAsync();

        var response = await server.PostAsync(
            "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");

        Assert.Equal(400, response.Status);
        Assert.Equal(["HC0086"], response.ErrorCodes);
    }

    [Fact]
    public async Task Introspection_WhenSwitchedOff_IsRefusedButTypenameStillWorks()
    {
        await using var server = await StartAsync("AllowIntrospection", "false");

        var schema = await server.PostAsync("{ __schema { queryType { name } } }");
        var typename = await server.PostAsync("{ __typename }");

        Assert.Equal(400, schema.Status);
        Assert.Equal(["HC0046"], schema.ErrorCodes);
        Assert.Equal("Query", typename.Data.GetProperty("__typename").GetString());
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
