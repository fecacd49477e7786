namespace NewsGraph.Api.Articles;

/// <summary><c>attachImage</c>'s input: at <see cref="Position"/> (1-based), or at the end when null.</summary>
public sealed record AttachImageInput(string ArticleId, int Version, string ImageId, int? Position);
