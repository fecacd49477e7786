namespace NewsGraph.Api.Feedback;

/// <summary>What a reader sent through "How can we improve?".</summary>
public sealed class ReaderFeedback
{
    // Column sizes, used by ReaderFeedbackConfiguration and by the checks of input.
    public const int MessageMaxLength = 4000;
    public const int ContactEmailMaxLength = 254;
    public const int SubmittedByMaxLength = 200;

    public int Id { get; set; }

    /// <summary>The story the reader was on, if any.</summary>
    public int? ArticleId { get; set; }

    public required string Message { get; set; }

    /// <summary>1 to 5, when given.</summary>
    public int? Rating { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>The signed-in reader who sent it, if any.</summary>
    public string? SubmittedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public FeedbackStatus Status { get; set; }
}
