namespace NewsGraph.Api.Feedback;

/// <summary>Raised once a reader's feedback is stored.</summary>
public sealed record FeedbackSubmitted(int FeedbackId, int? ArticleId, DateTimeOffset At)
{
    public const string Topic = "feedback";
}
