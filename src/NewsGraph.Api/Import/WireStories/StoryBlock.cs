namespace NewsGraph.Api.Import.WireStories;

/// <summary>A paragraph of the story body, or the text of a photo caption, in page order.</summary>
internal readonly record struct StoryBlock(string Text, bool IsCaption);
