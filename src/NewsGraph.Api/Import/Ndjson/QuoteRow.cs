namespace NewsGraph.Api.Import.Ndjson;

public sealed record QuoteRow(int Id, int ArticleId, string Text, int? PersonId = null, string? SpeakerTitle = null, int? Position = null);
