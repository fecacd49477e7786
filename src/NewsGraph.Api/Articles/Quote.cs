using NewsGraph.Api.People;

namespace NewsGraph.Api.Articles;

/// <summary>Words a story quotes, with who said them.</summary>
public sealed class Quote
{
    public const int SpeakerTitleMaxLength = 200;
    public const int SourceMaxLength = 200;
    public const int UnattributedReasonMaxLength = 500;

    public int Id { get; set; }
    public int ArticleId { get; set; }

    public int? SpeakerId { get; set; }
    public Person? Speaker { get; set; }

    /// <summary>The speaker's title as this story gives it (titles change; the person stays).</summary>
    public string? SpeakerTitle { get; set; }

    public required string Text { get; set; }

    /// <summary>1-based order of the quote within the story.</summary>
    public int Position { get; set; }

    /// <summary>How the speaker was found: the importer's rule, an editor, or not at all.</summary>
    public QuoteAttribution Attribution { get; set; }

    /// <summary>Who the words are given to when that is no person, as written: <c>the ministry</c>, <c>an industry official</c>.</summary>
    public string? Source { get; set; }

    /// <summary>Why no speaker was found (<see cref="QuoteAttribution.Unattributed"/> only).</summary>
    public string? UnattributedReason { get; set; }
}
