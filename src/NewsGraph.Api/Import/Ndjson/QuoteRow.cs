namespace NewsGraph.Api.Import.Ndjson;

/// <param name="Attribution">How the speaker was found, as the API names it (<c>SURNAME</c>, <c>SENTENCE_SUBJECT</c>); <c>UNATTRIBUTED</c> when absent.</param>
/// <param name="Source">Who the words are given to when that is no person.</param>
/// <param name="UnattributedReason">Why no speaker was found.</param>
public sealed record QuoteRow(
    int Id,
    int ArticleId,
    string Text,
    int? PersonId = null,
    string? SpeakerTitle = null,
    int? Position = null,
    string? Attribution = null,
    string? Source = null,
    string? UnattributedReason = null);
