using NewsGraph.GraphQL.Transport;

namespace NewsGraph.GraphQL.Tests.Transport.Http;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData(null, MediaTypes.Json)]
    [InlineData("*/*", MediaTypes.Json)]
    [InlineData("application/graphql-response+json", MediaTypes.GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json", MediaTypes.GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.1, application/json", MediaTypes.Json)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", MediaTypes.Json)]
    [InlineData("application/graphql-response+json;q=0", null)]
    [InlineData("text/csv", null)]
    public void Negotiate_PicksByQualityThenPreference(string? accept, string? expected)
    {
        var headers = accept is null ? null : new List<string> { accept };

        Assert.Equal(expected, MediaTypes.Negotiate(headers));
    }
}
