namespace NewsGraph.Api.Import.Ndjson;

public sealed record BylineRow(int PersonId, string Role);
