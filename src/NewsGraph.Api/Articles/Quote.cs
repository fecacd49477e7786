using NewsGraph.Api.People;

namespace NewsGraph.Api.Articles;

/// <summary>Words a story quotes, with who said them.</summary>
public sealed class Quote
{
    public const int SpeakerTitleMaxLength = 200;

    public int Id { get; set; }
    public int ArticleId { get; set; }

    public int? SpeakerId { get; set; }
    public Person? Speaker { get; set; }

    /// <summary>The speaker's title as this story gives it (titles change; the person stays).</summary>
    public string? SpeakerTitle { get; set; }

    public required string Text { get; set; }

    /// <summary>1-based order of the quote within the story.</summary>
    public int Position { get; set; }
}
