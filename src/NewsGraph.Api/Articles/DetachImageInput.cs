namespace NewsGraph.Api.Articles;

/// <summary><c>detachImage</c>'s input.</summary>
public sealed record DetachImageInput(string ArticleId, int Version, string ImageId);
