namespace NewsGraph.Api.Import;

/// <summary>A refused record: <c>articles.ndjson:12: duplicate id 7 (first on line 9)</c>.</summary>
public sealed record ImportError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
