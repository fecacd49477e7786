using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsGraph.Api.Import;

// The bulk format of ../shared/tools/dataset/DATASET.md, one JSON object per line, with the
// fields that format lacks added as optional ones (so our exports lose nothing and the
// dataset's files load as they are). Fields without a default are required; unknown fields
// are errors; null values are left out when writing.

public sealed record PersonRow(int Id, string Name, string? Title = null, string? Organization = null, string? Role = null, int? Version = null);

public sealed record ArticleRow(
    int Id,
    string Slug,
    string Headline,
    string Section,
    string Language,
    string Status,
    string Body,
    int[] AuthorIds,
    string? Dateline = null,
    DateTimeOffset? PublishedAt = null,
    string? SectionName = null,
    string? RevisionLabel = null,
    string? Genre = null,
    bool? IsUrgent = null,
    string[]? DatelinePlaces = null,
    string? DatelineSource = null,
    string? DatelineDate = null,
    DateTimeOffset? UpdatedAt = null,
    int? Version = null,
    BylineRow[]? Bylines = null,
    string? EditorNotes = null,
    string? WithdrawalNotice = null,
    DateTimeOffset? WithdrawnAt = null,
    CorrectionRow[]? Corrections = null,
    RevisionRow[]? Revisions = null);

public sealed record BylineRow(int PersonId, string Role);

public sealed record CorrectionRow(string Text, DateTimeOffset CreatedAt, int Version);

public sealed record RevisionRow(int Version, DateTimeOffset ChangedAt, string Editor, string Action, string[] Changes);

public sealed record ImageRow(
    int Id,
    string Caption,
    int? ArticleId = null,
    int? Position = null,
    string? Url = null,
    string? Credit = null,
    string? Rights = null,
    string? AltText = null,
    string? Provider = null,
    bool? IsNotForSale = null,
    bool? IsFilePhoto = null,
    DateOnly? TakenOn = null,
    PlacementRow[]? MorePlacements = null,
    int? Version = null);

public sealed record PlacementRow(int ArticleId, int Position);

public sealed record QuoteRow(int Id, int ArticleId, string Text, int? PersonId = null, string? SpeakerTitle = null, int? Position = null);

public sealed record FeedbackRow(
    int Id,
    string Message,
    DateTimeOffset CreatedAt,
    int? ArticleId = null,
    int? Rating = null,
    string? ContactEmail = null,
    string? Status = null,
    string? SubmittedBy = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PersonRow))]
[JsonSerializable(typeof(ArticleRow))]
[JsonSerializable(typeof(ImageRow))]
[JsonSerializable(typeof(QuoteRow))]
[JsonSerializable(typeof(FeedbackRow))]
[JsonSerializable(typeof(List<string>))]
public sealed partial class NdjsonContext : JsonSerializerContext;

/// <summary>The JSON of one line, with the reason it could not be read.</summary>
public static class NdjsonRowReader
{
    public static bool TryRead<T>(ReadOnlySpan<byte> line, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, out T? row, out string? error)
    {
        row = default;
        error = null;
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            error = "the line is not valid UTF-8";
            return false;
        }
        try
        {
            row = JsonSerializer.Deserialize(line, type);
            if (row is null)
                error = "the line is null, not an object";
            return row is not null;
        }
        catch (JsonException ex)
        {
            error = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd();
            if (ex.Path is { Length: > 1 } path)
                error += $" (at {path})";
            return false;
        }
    }
}
