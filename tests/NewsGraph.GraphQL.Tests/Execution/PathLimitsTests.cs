using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Execution;

/// <summary>Depth and coordinate cycles on each path of an operation, fragments spread.</summary>
public sealed class PathLimitsTests
{
    /// <summary>Deep enough for the paths below, and their cost.</summary>
    private static readonly Dictionary<string, string?> Deep = new() { ["GraphQL:MaxDepth"] = "20", ["GraphQL:Cost:MaxFieldCost"] = "10000" };

    private const string FourAuthorsDeep = "{ books { author { books { author { books { author { books { author { name } } } } } } } } }";

    [Fact]
    public async Task ACoordinateFourTimesOnAPath_IsRefusedWithHC0087_OutsideDevelopment()
    {
        await using var server = await LibraryServer.StartAsync(Deep);

        var response = await server.PostAsync(FourAuthorsDeep);

        Assert.Equal(400, response.Status);
        Assert.Equal(["HC0087"], response.ErrorCodes);
        var error = response.Errors[0];
        Assert.Equal("Maximum allowed coordinate cycle depth was exceeded.", error.GetProperty("message").GetString());
        Assert.Equal(["books", "author", "books", "author", "books", "author", "books"],
            error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.True(error.TryGetProperty("locations", out _));
    }

    [Fact]
    public async Task ThreeTimes_OrInDevelopment_OrSwitchedOff_IsAnswered()
    {
        await using var production = await LibraryServer.StartAsync(Deep);
        await using var development = await LibraryServer.StartAsync(Deep, "Development");
        await using var off = await LibraryServer.StartAsync(new Dictionary<string, string?>(Deep) { ["GraphQL:LimitCoordinateCycles"] = "false" });

        Assert.Empty((await production.PostAsync("{ books { author { books { author { books { author { name } } } } } } }")).Errors);
        Assert.Empty((await development.PostAsync(FourAuthorsDeep)).Errors);
        Assert.Empty((await off.PostAsync(FourAuthorsDeep)).Errors);
    }

    [Fact]
    public async Task Cycles_AreCountedThroughFragments_AndTheLimitIsConfigurable()
    {
        await using var server = await LibraryServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:MaxCoordinateCycleDepth"] = "1" });

        var response = await server.PostAsync("{ books { ...A } } fragment A on Book { author { books { ...B } } } fragment B on Book { author { name } }");

        Assert.Equal(["HC0087"], response.ErrorCodes);
    }

    [Fact]
    public async Task Depth_OverTheLimit_IsRefusedBeforeExecution()
    {
        await using var server = await LibraryServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:MaxDepth"] = "4" });

        var ok = await server.PostAsync("{ books { author { books { title } } } }");
        var tooDeep = await server.PostAsync("{ books { author { books { author { books { title } } } } } }");
        var throughFragments = await server.PostAsync("{ books { ...A } } fragment A on Book { author { books { ...B } } } fragment B on Book { author { name } }");

        Assert.Equal(200, ok.Status);
        Assert.Equal(400, tooDeep.Status);
        Assert.Equal(["MAX_DEPTH_EXCEEDED"], tooDeep.ErrorCodes);
        Assert.Equal(6, tooDeep.Errors[0].GetProperty("extensions").GetProperty("detectedExecutionDepth").GetInt32());
        Assert.Equal(["MAX_DEPTH_EXCEEDED"], throughFragments.ErrorCodes);
        Assert.False(tooDeep.HasData);
    }
}
