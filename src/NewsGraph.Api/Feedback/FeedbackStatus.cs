namespace NewsGraph.Api.Feedback;

public enum FeedbackStatus
{
    New = 0,
    Reviewed = 1,
    Spam = 2,
}
