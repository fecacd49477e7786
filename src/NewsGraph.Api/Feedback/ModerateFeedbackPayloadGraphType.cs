using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Feedback;

public sealed class ModerateFeedbackPayloadGraphType() : PayloadGraphType<ReaderFeedback, FeedbackGraphType>(
    "feedback", typeof(InvalidInputErrorGraphType), typeof(NotFoundErrorGraphType));
