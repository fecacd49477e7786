namespace NewsGraph.Api.Images;

/// <summary><c>createImage</c>'s input.</summary>
public sealed record CreateImageInput(ImageFieldsInput Fields);
