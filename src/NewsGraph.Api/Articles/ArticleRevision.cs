namespace NewsGraph.Api.Articles;

/// <summary>One saved change of a story: which version it made, when, by whom, and what it changed.</summary>
public sealed class ArticleRevision
{
    public const int EditorMaxLength = 200;
    public const int ActionMaxLength = 40;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int Version { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string Editor { get; set; }

    /// <summary>What happened: <c>created</c>, <c>updated</c>, <c>published</c>, <c>corrected</c>...</summary>
    public required string Action { get; set; }

    /// <summary>The fields the change touched (<c>headline</c>, <c>paragraphs</c>, <c>images</c>...).</summary>
    public List<string> Changes { get; set; } = [];
}
