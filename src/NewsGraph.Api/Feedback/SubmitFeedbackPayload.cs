using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Feedback;

/// <summary>The stored feedback and the thank-you text, or the errors.</summary>
public sealed record SubmitFeedbackPayload(ReaderFeedback? Feedback, string? ThankYouMessage, IReadOnlyList<MutationError>? Errors);
