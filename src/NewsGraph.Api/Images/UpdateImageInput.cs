namespace NewsGraph.Api.Images;

/// <summary><c>updateImage</c>'s input: the fields to change, on the version they are based on.</summary>
public sealed record UpdateImageInput(string Id, int Version, ImageFieldsInput Fields);
