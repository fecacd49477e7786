namespace NewsGraph.Api.Articles;

/// <summary><c>DatelineInput</c>: where and when a story was filed.</summary>
public sealed record DatelineInput(IReadOnlyList<string> Places, string? Date, string? Source);
