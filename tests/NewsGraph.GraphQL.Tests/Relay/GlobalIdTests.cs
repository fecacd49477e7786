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
    [InlineData("QXJ0aWNsZQpsNDI=")] // Article\nl42 (a long key)
    [InlineData("QXJ0aWNsZQpzNDI=")] // Article\ns42 (a short key)
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
    [InlineData("QXJ0aWNsZQp4NDI=")] // Article\nx42: a legacy tag Hot Chocolate never wrote
    [InlineData("QXJ0aWNsZQpkNDI=")] // Article\nd42: a string key where an integer belongs
    [InlineData("QXJ0aWNsZQpnNDI=")] // Article\ng42: a Guid tag
    [InlineData("QXJ0aWNsZTowNDI=")] // Article:042
    [InlineData("QXJ0aWNsZTorNDI=")] // Article:+42
    [InlineData("QXJ0aWNsZTogNDI=")] // Article: 42
    [InlineData("QXJ0aWNsZTo0MmFiYw==")] // Article:42abc
    [InlineData("QXJ0aWNsZTow")] // Article:0
    [InlineData("QXJ0aWNsZToyMTQ3NDgzNjQ4")] // Article:2147483648
    [InlineData("OjQy")] // :42
    [InlineData("QXJ0IGljbGU6NDI=")] // "Art icle:42"
    [InlineData("QXJ0aWNsZQo=")] // Article\n
    [InlineData("QXJ0aWNsZTo=")] // Article:
    [InlineData("QXJ0aWNsZTo0Mh==")] // stray bits in the last character
    [InlineData("QXJ0aWNsZTo0Mg=")] // one padding character short
    [InlineData("QXJ0aWNsZTo0Mg===")] // one too many
    [InlineData("QXJ0aWNs ZTo0Mg==")] // white space
    [InlineData("//79")] // not UTF-8
    public void TryParseInt_RefusesAnythingElse(string id) => Assert.False(GlobalId.TryParseInt(id, "Article", out _));

    [Fact]
    public void TryParseInt_RefusesOverlongIds()
        => Assert.False(GlobalId.TryParseInt(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Article:" + new string('1', 2000))), "Article", out _));

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
