using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Relay;

public sealed class GlobalIdTests
{
    [Fact]
    public void Format_WritesHotChocolateV14Ids() => Assert.Equal("QXJ0aWNsZTo0Mg==", GlobalId.Format("Article", 42));

    [Theory]
    [InlineData("QXJ0aWNsZTo0Mg==")] // Article:42 (v14/v15)
    [InlineData("QXJ0aWNsZQppNDI=")] // Article\ni42 (v13)
    [InlineData("QXJ0aWNsZTo0Mg")] // padding left off
    public void TryParseInt_ReadsCurrentAndLegacyIds(string id)
    {
        Assert.True(GlobalId.TryParseInt(id, "Article", out var value));
        Assert.Equal(42, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("QXJ0aWNsZQ==")] // "Article", no separator
    [InlineData("UGVyc29uOjQy")] // Person:42
    [InlineData("QXJ0aWNsZTphYmM=")] // Article:abc
    [InlineData("QXJ0aWNsZTotMQ==")] // Article:-1
    public void TryParseInt_RefusesAnythingElse(string id) => Assert.False(GlobalId.TryParseInt(id, "Article", out _));

    [Fact]
    public async Task IdArgument_Invalid_GivesNodeIdInvalidNotAServerError()
    {
        await using var server = await LibraryServer.StartAsync();

        var good = await server.PostAsync($"{{ bookNumber(id: \"{GlobalId.Format("Book", 7)}\") }}");
        var forged = await server.PostAsync("{ bookNumber(id: \"garbage\") }");
        var wrongType = await server.PostAsync($"{{ bookNumber(id: \"{GlobalId.Format("Author", 7)}\") }}");

        Assert.Equal(7, good.Data.GetProperty("bookNumber").GetInt32());
        Assert.Equal(["NODE_ID_INVALID"], forged.ErrorCodes);
        Assert.Equal(["NODE_ID_INVALID"], wrongType.ErrorCodes);
        Assert.Contains("`Author`", wrongType.Errors[0].GetProperty("message").GetString());
    }
}
