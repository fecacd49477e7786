using NewsGraph.Api.Articles;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Conventions;

[Collection(NewsroomGroup.Name)]
public sealed class NodeTests(NewsroomFixture newsroom)
{
    [Fact]
    public async Task Node_FetchesEachKindByItsGlobalId()
    {
        var article = newsroom.Published[3];
        var person = NewsroomFixture.Authors(article)[0];
        var image = newsroom.Published.First(a => a.Images.Count > 0).Images[0].Image;

        var data = await newsroom.DataAsync("""
            query($a: ID!, $p: ID!, $i: ID!) {
              a: node(id: $a) { id __typename ... on Article { slug } }
              p: node(id: $p) { ... on Person { name } }
              i: node(id: $i) { ... on Image { caption } }
            }
            """, new { a = GlobalId.Format("Article", article.Id), p = GlobalId.Format("Person", person.Id), i = GlobalId.Format("Image", image.Id) });

        Assert.Equal(article.Slug, data.GetProperty("a").GetProperty("slug").GetString());
        Assert.Equal("Article", data.GetProperty("a").GetProperty("__typename").GetString());
        Assert.Equal(GlobalId.Format("Article", article.Id), data.GetProperty("a").GetProperty("id").GetString());
        Assert.Equal(person.Name, data.GetProperty("p").GetProperty("name").GetString());
        Assert.Equal(image.Caption, data.GetProperty("i").GetProperty("caption").GetString());
    }

    [Fact]
    public async Task Nodes_KeepsTheOrderOfTheIdsAndBatches()
    {
        var articles = newsroom.Published.Take(4).ToList();
        var ids = articles.Select(a => GlobalId.Format("Article", a.Id)).Reverse().ToList();
        newsroom.App.Sql.Reset();

        var data = await newsroom.DataAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { slug } } }", new { ids });

        Assert.Equal(articles.Select(a => a.Slug).Reverse(), NewsroomFixture.Slugs(data.GetProperty("nodes")));
        Assert.Equal(1, newsroom.App.Sql.Count);
    }

    [Fact]
    public async Task Node_OfADraftOrAMissingObject_IsNull()
    {
        var draft = newsroom.Articles.First(a => a.Status == ArticleStatus.Draft);

        var data = await newsroom.DataAsync("query($d: ID!, $m: ID!) { d: node(id: $d) { id } m: node(id: $m) { id } }",
            new { d = GlobalId.Format("Article", draft.Id), m = GlobalId.Format("Person", 99999) });

        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("d").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("m").ValueKind);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("U2VjdGlvbjox")] // Section:1, which is not a node
    [InlineData("QXJ0aWNsZTphYmM=")] // Article:abc
    [InlineData("QXJ0aWNsZQp4MQ==")] // Article\nx1: Hot Chocolate's legacy form with a tag it never wrote
    [InlineData("QXJ0aWNsZTowMQ==")] // Article:01
    public async Task Node_InvalidId_IsNull_WithNodeIdInvalid(string id)
    {
        var response = await newsroom.App.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.Equal(200, response.Status);
        Assert.Equal(["NODE_ID_INVALID"], response.ErrorCodes);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.GetProperty("node").ValueKind);
    }

    [Fact]
    public async Task Nodes_WithOneInvalidId_AnswerTheOthers_AndNullForIt()
    {
        var article = newsroom.Published[0];
        string[] ids = [GlobalId.Format("Article", article.Id), "QXJ0aWNsZQp4MQ=="];

        var response = await newsroom.App.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        var nodes = response.Data.GetProperty("nodes");
        Assert.Equal(ids[0], nodes[0].GetProperty("id").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, nodes[1].ValueKind);
        Assert.Equal(["NODE_ID_INVALID"], response.ErrorCodes);
        Assert.Equal("[\"nodes\",1]", response.Errors[0].GetProperty("path").GetRawText());
    }

    [Fact]
    public async Task Nodes_MoreThanTheBatchLimit_GivesHC0076()
    {
        var ids = Enumerable.Range(1, 51).Select(i => GlobalId.Format("Article", i)).ToArray();

        var response = await newsroom.App.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        Assert.Equal(["HC0076"], response.ErrorCodes);
    }
}
