using System.Text.Json;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>Wires a test application to a purge receiver and trusted documents, before it starts.</summary>
public static class CachingSetup
{
    public const string ArticlePage = "query ArticlePage($slug: String!) { article(slug: $slug) { headline section { slug } authors { name } images { caption } moreFromSection { slug } } }";
    public const string FrontPage = "query FrontPage($section: String!) { articles(first: 10, where: { section: { slug: { eq: $section } } }) { nodes { slug headline authors { name } } } }";

    /// <summary>Purges go to <paramref name="receiver"/> as a webhook.</summary>
    public static NewsGraphApplication PurgingTo(this NewsGraphApplication app, PurgeReceiver receiver)
    {
        app.Settings["CachePurge:Targets:0:Kind"] = "Webhook";
        app.Settings["CachePurge:Targets:0:Url"] = receiver.Url.ToString();
        app.Settings["CachePurge:RetryDelay"] = "00:00:00.050";
        return app;
    }

    /// <summary>Makes <paramref name="documents"/> trusted documents of the application (in its folder); returns their ids.</summary>
    public static string[] Trusting(this NewsGraphApplication app, params string[] documents)
    {
        var folder = Directory.CreateDirectory(Path.Combine(app.Folder, "trusted-documents")).FullName;
        app.Settings["GraphQL:TrustedDocuments:Folder"] = folder;
        return [.. documents.Select(document =>
        {
            var id = OperationDocumentId.For(document);
            File.WriteAllText(Path.Combine(folder, id + ".graphql"), document);
            return id;
        })];
    }

    /// <summary>A GET of trusted document <paramref name="id"/> with <paramref name="variables"/>, as a CDN sees it.</summary>
    public static string Url(string id, object variables)
        => $"/graphql?id={id}&variables={Uri.EscapeDataString(JsonSerializer.Serialize(variables))}";

    /// <summary>The keys of every purge the receiver got.</summary>
    public static IReadOnlyList<string[]> Keys(this IEnumerable<ReceivedPurge> purges)
        => [.. purges.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!).ToArray())];

    public static string? Header(this GraphQLHttpResponse response, string name)
        => response.Message.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
