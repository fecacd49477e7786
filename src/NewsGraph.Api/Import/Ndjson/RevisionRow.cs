namespace NewsGraph.Api.Import.Ndjson;

public sealed record RevisionRow(int Version, DateTimeOffset ChangedAt, string Editor, string Action, string[] Changes);
