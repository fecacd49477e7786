using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Scalars;

public sealed class ScalarTests : IAsyncLifetime
{
    private LibraryServer _server = null!;

    public async Task InitializeAsync() => _server = await LibraryServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DateTime_KeepsTheOriginalOffset()
    {
        var response = await _server.PostAsync("{ publishedAt }");

        Assert.Equal("2020-11-23T15:52:00.000+09:00", response.Data.GetProperty("publishedAt").GetString());
    }

    [Theory]
    [InlineData("2020-11-23T06:52:00Z", "2020-11-23T06:52:00.000+00:00")]
    [InlineData("2020-11-23T15:52:00+09:00", "2020-11-23T15:52:00.000+09:00")]
    public async Task DateTime_InputWithOffset_RoundTrips(string input, string output)
    {
        var response = await _server.PostAsync("query($at: DateTime!) { echoTime(at: $at) }", new { at = input });

        Assert.Equal(output, response.Data.GetProperty("echoTime").GetString());
    }

    [Theory]
    [InlineData("2020-11-23T15:52:00")]
    [InlineData("yesterday")]
    public async Task DateTime_InputWithoutOffset_IsRefused(string input)
    {
        var response = await _server.PostAsync("query($at: DateTime!) { echoTime(at: $at) }", new { at = input });

        Assert.Equal(400, response.Status);
        Assert.Equal(["INVALID_VALUE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Date_RoundTripsAndRefusesOtherFormats()
    {
        var good = await _server.PostAsync("{ echoDate(on: \"2020-07-20\") }");
        var bad = await _server.PostAsync("{ echoDate(on: \"20/07/2020\") }");

        Assert.Equal("2020-07-20", good.Data.GetProperty("echoDate").GetString());
        Assert.Equal(400, bad.Status);
    }
}
