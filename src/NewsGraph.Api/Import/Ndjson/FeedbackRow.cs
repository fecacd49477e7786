namespace NewsGraph.Api.Import.Ndjson;

public sealed record FeedbackRow(
    int Id,
    string Message,
    DateTimeOffset CreatedAt,
    int? ArticleId = null,
    int? Rating = null,
    string? ContactEmail = null,
    string? Status = null,
    string? SubmittedBy = null);
