namespace NewsGraph.Api.Import.WireStories;

/// <summary>The text is not a wire story; <see cref="Line"/> says where it stops being one.</summary>
public sealed class WireStoryFormatException : FormatException
{
    public WireStoryFormatException(int line, string message)
        : base($"Line {line}: {message}")
    {
        Line = line;
    }

    /// <summary>1-based line of the text where the problem is.</summary>
    public int Line { get; }
}
