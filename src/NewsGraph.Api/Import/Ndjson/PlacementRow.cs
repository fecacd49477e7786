namespace NewsGraph.Api.Import.Ndjson;

public sealed record PlacementRow(int ArticleId, int Position);
