namespace NewsGraph.Api.Articles;

/// <summary>A public correction notice on a story.</summary>
public sealed class Correction
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The version of the story the correction produced.</summary>
    public int Version { get; set; }
}
