namespace NewsGraph.Api.Feedback;

/// <summary><c>deleteFeedback</c>'s input.</summary>
public sealed record DeleteFeedbackInput(string Id);
