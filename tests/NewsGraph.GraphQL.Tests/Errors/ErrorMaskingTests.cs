using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Errors;

public sealed class ErrorMaskingTests
{
    [Fact]
    public async Task UnexpectedException_OutsideDevelopment_IsMaskedCompletely()
    {
        await using var server = await LibraryServer.StartAsync();

        var response = await server.PostAsync("{ boom hello }");

        Assert.Equal(200, response.Status);
        Assert.Equal("Hello world", response.Data.GetProperty("hello").GetString());
        var error = Assert.Single(response.Errors);
        Assert.Equal("Unexpected Execution Error", error.GetProperty("message").GetString());
        Assert.Equal(["UNEXPECTED_EXECUTION_ERROR"], response.ErrorCodes);
        Assert.Equal("boom", error.GetProperty("path")[0].GetString());
        Assert.DoesNotContain("secret", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("details", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedException_InDevelopment_CarriesDetailsButTheSameCode()
    {
        await using var server = await LibraryServer.StartAsync(environment: "Development");

        var response = await server.PostAsync("{ boom }");

        Assert.Equal(["UNEXPECTED_EXECUTION_ERROR"], response.ErrorCodes);
        Assert.Contains("secret connection string leaked",
            response.Errors[0].GetProperty("extensions").GetProperty("details").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliberateError_KeepsItsMessageAndCode()
    {
        await using var server = await LibraryServer.StartAsync();

        var response = await server.PostAsync("{ coded }");

        Assert.Equal("A deliberate error.", response.Errors[0].GetProperty("message").GetString());
        Assert.Equal(["DELIBERATE"], response.ErrorCodes);
    }
}
