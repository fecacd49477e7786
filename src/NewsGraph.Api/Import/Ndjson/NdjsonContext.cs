using System.Text.Json.Serialization;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// The bulk format (the dataset generator's NDJSON: one JSON object per line, snake_case), with
/// the fields that format lacks added as optional ones, so exports lose nothing and the dataset's
/// files load as they are. Fields without a default are required; unknown fields are errors; null
/// values are left out when writing.
/// </summary>
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
