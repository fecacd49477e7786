namespace NewsGraph.Api.Import.WireStories;

public sealed record WireStoryParserOptions
{
    /// <summary>The offset of the local time on the section line; the wire writes Korea's time.</summary>
    public TimeSpan DefaultOffset { get; init; } = TimeSpan.FromHours(9);
}
