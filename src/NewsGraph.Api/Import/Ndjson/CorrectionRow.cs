namespace NewsGraph.Api.Import.Ndjson;

public sealed record CorrectionRow(string Text, DateTimeOffset CreatedAt, int Version);
