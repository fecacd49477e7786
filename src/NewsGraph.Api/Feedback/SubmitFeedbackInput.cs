namespace NewsGraph.Api.Feedback;

/// <summary><c>submitFeedback</c>'s input. <see cref="Website"/> is the honeypot: people leave it empty.</summary>
public sealed record SubmitFeedbackInput(string? ArticleId, string? Message, int? Rating, string? ContactEmail, string? Website);
