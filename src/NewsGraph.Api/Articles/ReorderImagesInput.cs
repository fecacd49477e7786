namespace NewsGraph.Api.Articles;

/// <summary><c>reorderImages</c>'s input: every image of the story, in the new order.</summary>
public sealed record ReorderImagesInput(string ArticleId, int Version, IReadOnlyList<string> ImageIds);
