using System.Text.Json;
using GraphQL;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.CostAnalysis;

/// <summary>Hot Chocolate's cost analysis: its weights in the schema, its sums, its limits and the <c>GraphQL-Cost</c> header.</summary>
public sealed class CostAnalysisTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Report = new() { ["GraphQL-Cost"] = "report" };
    private LibraryServer _server = null!;

    public async Task InitializeAsync()
        => _server = await LibraryServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:AllowIntrospection"] = "true" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static (double Field, double Type) CostOf(GraphQLHttpResponse response)
    {
        var cost = response.Json.GetProperty("extensions").GetProperty("operationCost");
        return (cost.GetProperty("fieldCost").GetDouble(), cost.GetProperty("typeCost").GetDouble());
    }

    [Fact]
    public void Schema_PrintsHotChocolatesWeights()
    {
        var sdl = _server.Service<LibrarySchema>().Print();

        Assert.Contains("directive @cost(", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @listSize(", sdl, StringComparison.Ordinal);
        Assert.Contains(
            "ProductsConnection @listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], slicingArgumentDefaultValue: 10, sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false) @cost(weight: \"10\")",
            sdl, StringComparison.Ordinal);
        Assert.Contains("where: ProductFilterInput @cost(weight: \"10\")", sdl, StringComparison.Ordinal);
        Assert.Contains("order: [ProductSortInput!] @cost(weight: \"10\")", sdl, StringComparison.Ordinal);
        Assert.Contains("contains: String @cost(weight: \"20\")", sdl, StringComparison.Ordinal);
        Assert.Contains("eq: String @cost(weight: \"10\")", sdl, StringComparison.Ordinal);
        Assert.Contains("totalCount: Int! @cost(weight: \"10\")", sdl, StringComparison.Ordinal);
        Assert.Contains("author: Author @cost(weight: \"10\")", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_GivesTheCostsHotChocolateComputes()
    {
        // Hot Chocolate's own example: the connection 10, `where` 10, `name` 1 (an input object),
        // `contains` 20, `nodes` 1; types: Query, the connection and ten products.
        var response = await _server.PostAsync("{ products(first: 10, where: { name: { contains: \"x\" } }) { nodes { name } } }", headers: Report);

        Assert.Equal(200, response.Status);
        Assert.True(response.HasData, response.Text);
        Assert.Equal((42, 12), CostOf(response));
    }

    [Fact]
    public async Task Lists_MultiplyWhatTheyHold_ByTheirSlicingArgument_OrTheirDefault()
    {
        // books(first: 4): 10 (root) + 4 x (author 10 + Author's books 1 + 2 x 0) and types 1 + 4 x (1 + 1 + 2 x 1).
        var sliced = await _server.PostAsync("{ books(first: 4) { title author { books(first: 2) { title } } } }", headers: Report);
        // Without `first`, the assumed size of books (3) and the page default of a connection (10).
        var assumed = await _server.PostAsync("{ books { title } products { edges { node { name } } totalCount } }", headers: Report);

        Assert.Equal((10 + 4 * 11, 1 + 4 * 4), CostOf(sliced));
        Assert.Equal((10 + 10 + 1 + 10 * 1 + 10, 1 + 3 + 1 + 10 * 2), CostOf(assumed));
    }

    [Fact]
    public async Task Variables_AreTheRequestsOwn_AlsoForACachedDocument()
    {
        const string query = "query($n: Int, $w: ProductFilterInput) { products(first: $n, where: $w) { nodes { name } } }";

        var small = await _server.PostAsync(query, new { n = 2 }, headers: Report);
        var large = await _server.PostAsync(query, new { n = 40, w = new { name = new { eq = "x" }, price = new { gt = 1 } } }, headers: Report);

        Assert.Equal((10 + 1, 1 + 1 + 2), CostOf(small));
        Assert.Equal((10 + 1 + 10 + 1 + 10 + 1 + 10, 1 + 1 + 40), CostOf(large));
        Assert.Equal(1, _server.Service<NewsGraph.GraphQL.Execution.DocumentCache>().Hits);
    }

    [Fact]
    public async Task AnOptionalVariableInALiteralFilter_CostsItsWeightOnlyWhenGiven_AlsoForACachedDocument()
    {
        const string query = "query($x: String) { products(first: 2, where: { name: { eq: $x } }) { nodes { name } } }";

        var given = await _server.PostAsync(query, new { x = "a" }, headers: Report);
        var omitted = await _server.PostAsync(query, headers: Report);
        var againGiven = await _server.PostAsync(query, new { x = "b" }, headers: Report);

        Assert.Equal(CostOf(given).Field - 10, CostOf(omitted).Field); // eq: String @cost(weight: "10")
        Assert.Equal(CostOf(given), CostOf(againGiven));
    }

    [Fact]
    public async Task ACachedDocument_WhoseCostReadsNoVariable_KeepsItsCost()
    {
        const string query = "query($w: String!) { products(first: 3, where: { name: { eq: $w } }) { nodes { name } } }";

        var first = await _server.PostAsync(query, new { w = "a" }, headers: Report);
        var second = await _server.PostAsync(query, new { w = "a much longer value" }, headers: Report);

        Assert.Equal((10 + 10 + 1 + 10 + 1, 1 + 1 + 3), CostOf(first));
        Assert.Equal(CostOf(first), CostOf(second));
    }

    [Fact]
    public async Task SkippedFields_CostNothing()
    {
        var response = await _server.PostAsync(
            "query($expensive: Boolean!) { hello books(first: 50) @include(if: $expensive) { author { name } } }", new { expensive = false }, headers: Report);

        Assert.Equal((10, 1), CostOf(response));
    }

    [Fact]
    public async Task OverTheFieldCost_IsRefusedWithHC0047_BeforeTheTypeCost()
    {
        var response = await _server.PostAsync("{ books(first: 200) { author { books(first: 5) { title } } } }");

        Assert.Equal(400, response.Status);
        Assert.Equal(["HC0047"], response.ErrorCodes);
        var error = response.Errors[0];
        Assert.Equal("The maximum allowed field cost was exceeded.", error.GetProperty("message").GetString());
        Assert.Equal(10 + 200 * 11, error.GetProperty("extensions").GetProperty("fieldCost").GetDouble());
        Assert.Equal(1000, error.GetProperty("extensions").GetProperty("maxFieldCost").GetDouble());
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task OverTheTypeCost_IsRefusedWithHC0047()
    {
        var response = await _server.PostAsync("{ books(first: 40) { author { books(first: 30) { title } } } }");

        Assert.Equal(["HC0047"], response.ErrorCodes);
        Assert.Equal("The maximum allowed type cost was exceeded.", response.Errors[0].GetProperty("message").GetString());
        Assert.Equal(1 + 40 * (1 + 1 + 30), response.Errors[0].GetProperty("extensions").GetProperty("typeCost").GetDouble());
    }

    [Fact]
    public async Task Validate_AnswersTheCostAlone_WithoutExecuting_EvenOverTheLimits()
    {
        var validated = await _server.PostAsync("{ execution books(first: 200) { author { name } } }", headers: new Dictionary<string, string> { ["GraphQL-Cost"] = "validate" });
        var executed = await _server.PostAsync("{ execution }");

        Assert.Equal(200, validated.Status);
        Assert.False(validated.HasData);
        Assert.Empty(validated.Errors);
        Assert.Equal(10 + 10 + 200 * 10, CostOf(validated).Field);
        Assert.Equal(1, executed.Data.GetProperty("execution").GetInt32());
    }

    [Fact]
    public async Task Limits_AreConfigurable_AndCanBeReportedWithoutEnforcing()
    {
        await using var strict = await LibraryServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:Cost:MaxTypeCost"] = "3" });
        await using var lenient = await LibraryServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:Cost:EnforceCostLimits"] = "false" });

        Assert.Equal(["HC0047"], (await strict.PostAsync("{ books(first: 3) { title } }")).ErrorCodes);
        var unenforced = await lenient.PostAsync("{ books(first: 200) { author { name } } }", headers: Report);
        Assert.Empty(unenforced.Errors);
        Assert.Equal(10 + 200 * 10, CostOf(unenforced).Field);
    }

    [Fact]
    public async Task Introspection_CostsNothing()
    {
        var response = await _server.PostAsync("{ __typename __schema { types { name fields { name } } } }", headers: Report);

        Assert.Equal((0, 1), CostOf(response));
        Assert.Equal(JsonValueKind.Array, response.Data.GetProperty("__schema").GetProperty("types").ValueKind);
    }
}
