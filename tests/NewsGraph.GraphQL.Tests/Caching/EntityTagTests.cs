using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using NewsGraph.GraphQL.Caching;

namespace NewsGraph.GraphQL.Tests.Caching;

/// <summary>Entity tags stay what caches and browsers already hold: the SHA-256 of the content type, a 0 and the body.</summary>
public sealed class EntityTagTests
{
    private const string ContentType = "application/graphql-response+json; charset=utf-8";

    [Theory]
    [InlineData(0)]
    [InlineData(7_540)]
    [InlineData(70_000)]
    public void ATag_IsTheFirst18BytesOfTheSha256OfContentTypeZeroAndBody(int size)
    {
        var body = Body(size);
        var digest = SHA256.HashData([.. Encoding.UTF8.GetBytes(ContentType), 0, .. body]);

        Assert.Equal("\"" + Base64Url.EncodeToString(digest.AsSpan(0, 18)) + "\"", EntityTag.For(body, ContentType));
    }

    [Fact]
    public void ABodyWrittenAfterItsPrefix_HasTheSameTag()
    {
        var body = Body(20_000);
        var prefixAndBody = new byte[EntityTag.PrefixLength(ContentType) + body.Length];
        var prefix = EntityTag.WritePrefix(ContentType, prefixAndBody);
        body.CopyTo(prefixAndBody.AsSpan(prefix));

        Assert.Equal(EntityTag.PrefixLength(ContentType), prefix);
        Assert.Equal(EntityTag.For(body, ContentType), EntityTag.ForPrefixed(prefixAndBody));
        Assert.NotEqual(EntityTag.For(body, "application/json; charset=utf-8"), EntityTag.For(body, ContentType));
    }

    private static byte[] Body(int size)
    {
        var body = new byte[size];
        new Random(size).NextBytes(body);
        return body;
    }
}
