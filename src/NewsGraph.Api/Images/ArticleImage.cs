namespace NewsGraph.Api.Images;

/// <summary>An image placed in a story; one photo can appear in several stories.</summary>
public sealed class ArticleImage
{
    public int ArticleId { get; set; }
    public int ImageId { get; set; }
    public Image Image { get; set; } = null!;

    /// <summary>1-based place in the story.</summary>
    public int Position { get; set; }
}
