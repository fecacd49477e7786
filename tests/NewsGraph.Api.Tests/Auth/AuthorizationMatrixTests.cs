using System.Text.Json;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Auth;

/// <summary>
/// Every query entry point and every mutation, for anonymous callers, readers, editors and admins:
/// allowed or denied, and no path shows a draft, an embargoed or a killed story to anyone but editors.
/// </summary>
public sealed class AuthorizationMatrixTests(NewsroomStateFixture state) : IClassFixture<NewsroomStateFixture>
{
    public static readonly TheoryData<string?> Callers = [null, "reader", "editor", "admin"];

    private static bool IsEditor(string? role) => role is "editor" or "admin";

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Article_BySlug_ShowsHiddenStoriesToEditorsOnly(string? role)
    {
        foreach (var (slug, hiddenCode) in new[] { ("the-draft", "ARTICLE_NOT_FOUND"), ("the-embargoed", "ARTICLE_NOT_FOUND"), ("the-killed", "ARTICLE_WITHDRAWN") })
        {
            var response = await PostAsync(role, "query($slug: String!) { article(slug: $slug) { headline } }", new { slug });

            if (IsEditor(role))
                Assert.Equal($"Hidden {slug}", response.Data.GetProperty("article").GetProperty("headline").GetString());
            else
                Assert.Equal([hiddenCode], response.ErrorCodes);
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Article_Killed_TellsReadersTheNotice(string? role)
    {
        var response = await PostAsync(role, "{ article(slug: \"the-killed\") { headline } }");

        if (!IsEditor(role))
            Assert.Contains("fabricated document", response.Errors[0].GetProperty("extensions").GetProperty("notice").GetString(), StringComparison.Ordinal);
        else
            Assert.Empty(response.Errors);
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Articles_ListHiddenStoriesToEditorsOnly(string? role)
    {
        var data = (await PostAsync(role, "{ articles(first: 50) { nodes { slug } } }")).Data;

        var slugs = data.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()).ToList();
        Assert.Equal(IsEditor(role), slugs.Contains("the-draft"));
        Assert.Equal(IsEditor(role), slugs.Contains("the-embargoed"));
        Assert.Equal(IsEditor(role), slugs.Contains("the-killed"));
        Assert.Contains(slugs, s => s!.StartsWith("us-space-commander", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Search_FindsAndCountsHiddenStoriesForEditorsOnly(string? role)
    {
        var response = await PostAsync(role, "{ search(query: \"hidden\") { totalCount nodes { article { slug } } "
            + "facets { sections { count } months { count } bylines { count } quotedPeople { count } } } }");

        Assert.Empty(response.Errors);
        var search = response.Data.GetProperty("search");
        var slugs = search.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("article").GetProperty("slug").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(IsEditor(role) ? ["the-draft", "the-embargoed", "the-killed"] : [], slugs);
        Assert.Equal(IsEditor(role) ? 3 : 0, search.GetProperty("totalCount").GetInt32());
        var facets = search.GetProperty("facets");
        Assert.Equal(IsEditor(role) ? 3 : 0, Sum(facets, "sections"));
        Assert.Equal(IsEditor(role) ? 3 : 0, Sum(facets, "bylines"));
        // Of the three, only the embargoed story has a publication time (its embargo).
        Assert.Equal(IsEditor(role) ? 1 : 0, Sum(facets, "months"));
        Assert.Equal(0, Sum(facets, "quotedPeople"));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task ArticlesFacets_CountHiddenStoriesForEditorsOnly(string? role)
    {
        var response = await PostAsync(role, "query($id: ID!) { person(id: $id) { articles { totalCount facets { sections { count } months { count } bylines { count } } } } }",
            new { id = NewsroomStateFixture.Id("Person", state.Reporter) });

        var articles = response.Data.GetProperty("person").GetProperty("articles");
        var facets = articles.GetProperty("facets");
        Assert.Equal(IsEditor(role) ? 4 : 1, articles.GetProperty("totalCount").GetInt32());
        Assert.Equal(IsEditor(role) ? 4 : 1, Sum(facets, "sections"));
        Assert.Equal(IsEditor(role) ? 4 : 1, Sum(facets, "bylines"));
        Assert.Equal(IsEditor(role) ? 2 : 1, Sum(facets, "months"));
    }

    private static int Sum(JsonElement facets, string facet) => facets.GetProperty(facet).EnumerateArray().Sum(f => f.GetProperty("count").GetInt32());

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task PersonArticles_ListHiddenStoriesToEditorsOnly(string? role)
    {
        var data = (await PostAsync(role, "query($id: ID!) { person(id: $id) { articles { totalCount nodes { slug } } } }",
            new { id = NewsroomStateFixture.Id("Person", state.Reporter) })).Data;

        var articles = data.GetProperty("person").GetProperty("articles");
        Assert.Equal(IsEditor(role) ? 4 : 1, articles.GetProperty("totalCount").GetInt32());
        Assert.Equal(IsEditor(role) ? 4 : 1, articles.GetProperty("nodes").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task NodeAndNodes_ShowHiddenStoriesToEditorsOnly(string? role)
    {
        var ids = new[] { state.Draft, state.Scheduled, state.Withdrawn }.Select(id => NewsroomStateFixture.Id("Article", id)).ToArray();

        var data = (await PostAsync(role, "query($id: ID!, $ids: [ID!]!) { node(id: $id) { id } nodes(ids: $ids) { id } }", new { id = ids[0], ids })).Data;

        Assert.Equal(IsEditor(role) ? JsonValueKind.Object : JsonValueKind.Null, data.GetProperty("node").ValueKind);
        Assert.All(data.GetProperty("nodes").EnumerateArray(), n => Assert.Equal(IsEditor(role) ? JsonValueKind.Object : JsonValueKind.Null, n.ValueKind));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Feedback_IsReadByEditorsOnly_ThroughTheListAndNode(string? role)
    {
        var list = await PostAsync(role, "{ feedback { nodes { message } } }");
        var node = await PostAsync(role, "query($id: ID!) { node(id: $id) { ... on Feedback { message } } }", new { id = NewsroomStateFixture.Id("Feedback", state.FeedbackId) });

        AssertAllowed(role, list, "feedback", editorsOnly: true);
        AssertAllowed(role, node, "node", editorsOnly: true);
        if (IsEditor(role))
            Assert.Equal("A private note to the newsroom", node.Data.GetProperty("node").GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EditorNotesAndRevisions_AreEditorsOnly(string? role)
    {
        var response = await PostAsync(role, "{ article(slug: \"us-space-commander-calls-for-deepening-security-ties-with-s-korea-in-space-field\") { headline editorNotes revisions { version } } }");

        var article = response.Data.GetProperty("article");
        Assert.Equal("U.S. space commander calls for deepening security ties with S. Korea in space field", article.GetProperty("headline").GetString());
        if (IsEditor(role))
            Assert.Empty(response.Errors);
        else
            Assert.Equal(role is null ? ["AUTH_NOT_AUTHENTICATED", "AUTH_NOT_AUTHENTICATED"] : ["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
    }

    public static TheoryData<string, string, bool> Mutations => new()
    {
        // name, input (with {article}, {person}, {image}, {feedback} IDs), admin only
        { "createArticle", "{ headline: \"Matrix story\", section: \"World\" }", false },
        { "updateArticle", "{ id: \"{draft}\", version: 99, headline: \"x\" }", false },
        { "publishArticle", "{ id: \"{draft}\", version: 99 }", false },
        { "withdrawArticle", "{ id: \"{draft}\", version: 99, notice: \"x\" }", false },
        { "correctArticle", "{ id: \"{draft}\", version: 99, notice: \"x\" }", false },
        { "attachImage", "{ articleId: \"{draft}\", version: 99, imageId: \"{image}\" }", false },
        { "detachImage", "{ articleId: \"{draft}\", version: 99, imageId: \"{image}\" }", false },
        { "reorderImages", "{ articleId: \"{draft}\", version: 99, imageIds: [] }", false },
        { "setQuoteSpeaker", "{ articleId: \"{draft}\", version: 99, position: 1, speakerId: null }", false },
        { "createPerson", "{ name: \"Matrix Person\" }", false },
        { "updatePerson", "{ id: \"{person}\", version: 99, title: \"x\" }", false },
        { "createImage", "{ caption: \"Matrix photo\" }", false },
        { "updateImage", "{ id: \"{image}\", version: 99, caption: \"x\" }", false },
        { "moderateFeedback", "{ id: \"{feedback}\", status: REVIEWED }", false },
        { "deleteFeedback", "{ id: \"RmVlZGJhY2s6OTk5OQ==\" }", false },
        { "deleteArticle", "{ id: \"{draft}\", version: 99 }", true },
        { "mergePeople", "{ id: \"{person}\", version: 99, mergeIds: [\"UGVyc29uOjk5OTk=\"] }", true },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Mutation_IsAllowedOnlyToItsRoles(string name, string input, bool adminOnly)
    {
        input = input.Replace("{draft}", NewsroomStateFixture.Id("Article", state.Draft), StringComparison.Ordinal)
            .Replace("{person}", NewsroomStateFixture.Id("Person", state.Reporter), StringComparison.Ordinal)
            .Replace("{image}", NewsroomStateFixture.Id("Image", state.ImageId), StringComparison.Ordinal)
            .Replace("{feedback}", NewsroomStateFixture.Id("Feedback", state.FeedbackId), StringComparison.Ordinal);
        var document = $"mutation {{ {name}(input: {input}) {{ errors {{ __typename }} }} }}";

        foreach (var role in new[] { null, "reader", "editor", "admin" })
        {
            var response = await PostAsync(role, document);
            var allowed = adminOnly ? role == "admin" : IsEditor(role);
            if (allowed)
            {
                Assert.True(response.Errors.Count == 0, $"{name} as {role}: {response.Text}");
                Assert.Equal(JsonValueKind.Object, response.Data.GetProperty(name).ValueKind);
            }
            else
            {
                Assert.Equal([role is null ? "AUTH_NOT_AUTHENTICATED" : "AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
                Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task SubmitFeedback_IsOpenToEveryone(string? role)
    {
        var response = await PostAsync(role, "mutation { submitFeedback(input: { message: \"Open to all\" }) { feedback { message } errors { __typename } } }");

        Assert.Empty(response.Errors);
        Assert.Equal("Open to all", response.Data.GetProperty("submitFeedback").GetProperty("feedback").GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task SubmitFeedback_OnAHiddenStory_IsNotFoundForReaders(string? role)
    {
        var response = await PostAsync(role, "mutation($a: ID) { submitFeedback(input: { message: \"On a draft\", articleId: $a }) { feedback { id } errors { __typename } } }",
            new { a = NewsroomStateFixture.Id("Article", state.Draft) });

        var errors = response.Data.GetProperty("submitFeedback").GetProperty("errors");
        Assert.Equal(IsEditor(role) ? JsonValueKind.Null : JsonValueKind.Array, errors.ValueKind);
    }

    private Task<GraphQLHttpResponse> PostAsync(string? role, string query, object? variables = null)
        => state.App.PostAsync(query, variables, token: state.App.TokenFor(role));

    private static void AssertAllowed(string? role, GraphQLHttpResponse response, string field, bool editorsOnly)
    {
        if (!editorsOnly || IsEditor(role))
        {
            Assert.Empty(response.Errors);
            Assert.NotEqual(JsonValueKind.Null, response.Data.GetProperty(field).ValueKind);
            return;
        }
        Assert.Equal([role is null ? "AUTH_NOT_AUTHENTICATED" : "AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty(field).ValueKind);
    }
}
