namespace NewsGraph.Api.Feedback;

/// <summary><c>moderateFeedback</c>'s input.</summary>
public sealed record ModerateFeedbackInput(string Id, FeedbackStatus Status);
