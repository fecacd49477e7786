using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.People;

public sealed class PersonQueriesTests : IClassFixture<NewsGraphApplication>
{
    private readonly NewsGraphApplication _app;

    public PersonQueriesTests(NewsGraphApplication app) => _app = app;

    [Fact]
    public async Task Person_ByTheIdAListGave_IsFound()
    {
        var people = await _app.PostAsync("{ people(first: 50) { nodes { id name } } }");
        var suh = people.Data.GetProperty("people").GetProperty("nodes").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Suh Wook");

        var response = await _app.PostAsync("query($id: ID!) { person(id: $id) { name title } }", new { id = suh.GetProperty("id").GetString() });

        Assert.Equal("Defense Minister", response.Data.GetProperty("person").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Person_UnknownId_IsNullWithPersonNotFound()
    {
        var response = await _app.PostAsync($"{{ person(id: \"{GlobalId.Format("Person", 9999)}\") {{ name }} }}");

        Assert.Equal(["PERSON_NOT_FOUND"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("QXJ0aWNsZTox")] // Article:1
    public async Task Person_InvalidId_GivesNodeIdInvalid(string id)
    {
        var response = await _app.PostAsync("query($id: ID!) { person(id: $id) { name } }", new { id });

        Assert.Equal(200, response.Status);
        Assert.Equal(["NODE_ID_INVALID"], response.ErrorCodes);
    }
}
