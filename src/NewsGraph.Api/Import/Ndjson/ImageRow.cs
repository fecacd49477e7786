namespace NewsGraph.Api.Import.Ndjson;

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
