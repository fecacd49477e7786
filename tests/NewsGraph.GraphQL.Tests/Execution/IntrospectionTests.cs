using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Execution;

/// <summary>Who may introspect (HC0046) and how deep (HC0086), as Hot Chocolate's defaults have it.</summary>
public sealed class IntrospectionTests
{
    private static Task<LibraryServer> StartAsync(string environment = "Production", params (string Key, string Value)[] settings)
        => LibraryServer.StartAsync(settings.ToDictionary(s => $"GraphQL:{s.Key}", s => (string?)s.Value), environment);

    [Fact]
    public async Task OutsideDevelopment_IntrospectionIsRefusedWithHC0046_ButTypenameWorks()
    {
        await using var server = await StartAsync();

        var schema = await server.PostAsync("{ __schema { queryType { name } } }");
        var type = await server.PostAsync("query { ... on Query { __type(name: \"Book\") { name } } }");
        var typename = await server.PostAsync("{ __typename }");

        Assert.Equal(400, schema.Status);
        Assert.Equal(["HC0046"], schema.ErrorCodes);
        Assert.Equal("Introspection is not allowed for the current request.", schema.Errors[0].GetProperty("message").GetString());
        Assert.Equal("__schema", schema.Errors[0].GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal(["HC0046"], type.ErrorCodes);
        Assert.Equal("Query", typename.Data.GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task InDevelopment_OrWhenAllowed_TheStandardQueryIsAnswered()
    {
        await using var development = await StartAsync("Development");
        await using var allowed = await StartAsync("Production", ("AllowIntrospection", "true"));

        foreach (var server in new[] { development, allowed })
        {
            var response = await server.PostAsync(IntrospectionQuery.Full);
            Assert.Equal(200, response.Status);
            Assert.Empty(response.Errors);
            Assert.Equal("Query", response.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task SwitchedOff_EvenInDevelopment_IsRefused()
    {
        await using var server = await StartAsync("Development", ("AllowIntrospection", "false"));

        Assert.Equal(["HC0046"], (await server.PostAsync("{ __schema { queryType { name } } }")).ErrorCodes);
    }

    [Fact]
    public async Task CallersInAnIntrospectionRole_MayIntrospect_AlsoForACachedDocument()
    {
        await using var server = await StartAsync("Production", ("IntrospectionRoles:0", "librarian"));
        const string query = "{ __schema { queryType { name } } }";

        var librarian = await server.PostAsync(query, headers: LibraryServer.SignedInAs("librarian"));
        var reader = await server.PostAsync(query, headers: LibraryServer.SignedInAs("reader"));
        var anonymous = await server.PostAsync(query);

        Assert.Empty(librarian.Errors);
        Assert.Equal(["HC0046"], reader.ErrorCodes);
        Assert.Equal(["HC0046"], anonymous.ErrorCodes);
    }

    [Theory]
    [InlineData("{ __schema { types { fields { type { fields { name } } } } } }")]
    [InlineData("{ __schema { types { interfaces { interfaces { name } } } } }")]
    [InlineData("{ __type(name: \"Book\") { possibleTypes { possibleTypes { name } } } }")]
    [InlineData("{ __schema { types { inputFields { type { inputFields { name } } } } } }")]
    [InlineData("{ __schema { types { ...F } } } fragment F on __Type { fields { type { ...G } } } fragment G on __Type { fields { name } }")]
    public async Task ARecursiveListTwiceOnAPath_IsRefusedWithHC0086(string query)
    {
        await using var server = await StartAsync("Development");

        var response = await server.PostAsync(query);

        Assert.Equal(400, response.Status);
        Assert.Equal(["HC0086"], response.ErrorCodes);
        Assert.Equal("Maximum allowed introspection depth exceeded.", response.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task DifferentRecursiveLists_OnePerPath_AreAnswered()
    {
        await using var server = await StartAsync("Development");

        var response = await server.PostAsync("{ __schema { types { fields { type { interfaces { possibleTypes { name } } } } } } }");

        Assert.Empty(response.Errors);
    }

    [Theory]
    [InlineData(16, 200)]
    [InlineData(17, 400)]
    public async Task OfType_NestsSixteenDeep(int depth, int status)
    {
        await using var server = await StartAsync("Development", ("MaxDepth", "100"));
        var query = "{ __type(name: \"Book\") { " + string.Concat(Enumerable.Repeat("ofType { ", depth)) + "name" + new string('}', depth) + " } }";

        var response = await server.PostAsync(query);

        Assert.Equal(status, response.Status);
        if (status == 400)
            Assert.Equal(["HC0086"], response.ErrorCodes);
    }
}
