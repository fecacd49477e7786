using Microsoft.Net.Http.Headers;

namespace NewsGraph.GraphQL.Transport;

/// <summary>The media types of the GraphQL-over-HTTP spec and the choice between them.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";

    public const string GraphQLResponseUtf8 = GraphQLResponse + "; charset=utf-8";
    public const string JsonUtf8 = Json + "; charset=utf-8";

    /// <summary>
    /// Picks the response media type for an <c>Accept</c> header, or null when nothing we can write
    /// is acceptable (406). A missing header or a bare wildcard gets <c>application/json</c>, as the
    /// spec asks of servers during its legacy period; an explicit
    /// <c>application/graphql-response+json</c> wins ties.
    /// </summary>
    public static string? Negotiate(IList<string>? acceptHeaders)
    {
        if (acceptHeaders is null || acceptHeaders.Count == 0)
            return Json;
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0)
            return Json;

        string? best = null;
        double bestQuality = 0;
        int bestRank = int.MaxValue;
        foreach (var media in accepted)
        {
            var quality = media.Quality ?? 1.0;
            if (quality <= 0)
                continue;
            var (type, rank) = Classify(media);
            if (type is null)
                continue;
            if (quality > bestQuality || (quality == bestQuality && rank < bestRank))
            {
                best = type;
                bestQuality = quality;
                bestRank = rank;
            }
        }
        return best;
    }

    /// <summary>True when the first <c>Accept</c> value names <c>text/html</c>: a browser navigating.</summary>
    public static bool IsBrowserNavigation(IList<string>? acceptHeaders)
        => acceptHeaders is { Count: > 0 } && acceptHeaders[0]!.Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Content-Type header for a response in <paramref name="mediaType"/> (always UTF-8).</summary>
    public static string ContentTypeFor(string mediaType)
        => mediaType == GraphQLResponse ? GraphQLResponseUtf8 : JsonUtf8;

    public static bool AcceptsEventStream(IList<string>? acceptHeaders)
        => acceptHeaders is { Count: > 0 }
           && MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted)
           && accepted.Any(m => m.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase) && (m.Quality ?? 1) > 0);

    private static (string? Type, int Rank) Classify(MediaTypeHeaderValue media)
    {
        var type = media.MediaType.Value ?? "";
        if (type.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase))
            return (GraphQLResponse, 0);
        if (type.Equals(Json, StringComparison.OrdinalIgnoreCase))
            return (Json, 1);
        if (type is "*/*" || type.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            return (Json, 2);
        return (null, int.MaxValue);
    }
}
