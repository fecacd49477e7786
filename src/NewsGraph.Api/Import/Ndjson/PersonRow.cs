namespace NewsGraph.Api.Import.Ndjson;

/// <summary>A line of <c>people.ndjson</c>.</summary>
public sealed record PersonRow(int Id, string Name, string? Title = null, string? Organization = null, string? Role = null, int? Version = null);
