using System.Text.Json;
using NewsGraph.Api.Import.WireStories;

namespace NewsGraph.Api.Tests.Import.WireStories;

/// <summary>
/// What a test story should yield, from the JSON file beside it (snake_case). Each property, each field of an
/// image and each quote's speaker, attribution and source is one checked fact.
/// </summary>
public sealed record StoryFacts(
    string Headline,
    string? RevisionLabel,
    string? Genre,
    bool Urgent,
    string Section,
    DateTimeOffset PublishedAt,
    string[] Bylines,
    StoryFacts.DatelineFact? Dateline,
    string[] Notes,
    int Paragraphs,
    StoryFacts.ImageFact[] Images,
    StoryFacts.QuoteFact[] Quotes)
{
    public sealed record DatelineFact(string[] Places, string Date, string Source);

    public sealed record ImageFact(string Caption, string Credit, string? Provider, string? Rights, bool FilePhoto, DateOnly? TakenOn);

    /// <param name="Starts">The first words of the quote's text.</param>
    /// <param name="Attribution">The rule, as <c>QuoteAttribution</c> names it.</param>
    public sealed record QuoteFact(string Starts, string? Speaker, string Attribution, string? Source = null);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static StoryFacts Read(string path) => JsonSerializer.Deserialize<StoryFacts>(File.ReadAllText(path), Json)!;

    /// <summary>Every fact with whether the story yields it: ("quote 3 speaker", expected, actual).</summary>
    public IEnumerable<(string Fact, object? Expected, object? Actual)> Compare(ParsedStory story)
    {
        yield return ("headline", Headline, story.Headline);
        yield return ("revision label", RevisionLabel, story.RevisionLabel);
        yield return ("genre", Genre, story.Genre);
        yield return ("urgent", Urgent, story.IsUrgent);
        yield return ("section", Section, story.Section);
        yield return ("published at", PublishedAt.ToString("O"), story.PublishedAt.ToString("O"));
        yield return ("bylines", string.Join(" | ", Bylines), string.Join(" | ", story.Bylines));
        yield return ("dateline", Describe(Dateline), story.Dateline is { } d ? $"{string.Join('/', d.Places)}, {d.Date} ({d.Source})" : null);
        yield return ("notes", string.Join(" | ", Notes), string.Join(" | ", story.Notes));
        yield return ("paragraphs", Paragraphs, story.Paragraphs.Count);
        yield return ("images", Images.Length, story.Images.Count);
        for (var i = 0; i < Images.Length; i++)
        {
            var actual = i < story.Images.Count ? story.Images[i] : null;
            var expected = Images[i];
            yield return ($"image {i + 1} caption", expected.Caption, actual?.Caption);
            yield return ($"image {i + 1} credit", expected.Credit, actual?.Credit);
            yield return ($"image {i + 1} provider", expected.Provider, actual?.Provider);
            yield return ($"image {i + 1} rights", expected.Rights, actual?.RightsNote);
            yield return ($"image {i + 1} file photo", expected.FilePhoto, actual?.IsFilePhoto);
            yield return ($"image {i + 1} taken on", expected.TakenOn, actual?.TakenOn);
        }
        yield return ("quotes", Quotes.Length, story.Quotes.Count);
        for (var i = 0; i < Quotes.Length; i++)
        {
            var actual = i < story.Quotes.Count ? story.Quotes[i] : null;
            var expected = Quotes[i];
            var label = $"quote {i + 1} (\"{expected.Starts}\")";
            yield return ($"{label} text", true, actual?.Text.StartsWith(expected.Starts, StringComparison.Ordinal));
            yield return ($"{label} speaker", expected.Speaker, actual?.SpeakerName);
            yield return ($"{label} attribution", expected.Attribution, actual?.Attribution.ToString());
            if (expected.Source is not null)
                yield return ($"{label} source", expected.Source, actual?.Source);
        }
    }

    private static string? Describe(DatelineFact? dateline)
        => dateline is null ? null : $"{string.Join('/', dateline.Places)}, {dateline.Date} ({dateline.Source})";
}
