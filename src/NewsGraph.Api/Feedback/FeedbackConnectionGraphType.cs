using GraphQL.Types;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Feedback;

public sealed class FeedbackConnectionGraphType : ConnectionGraphType<FeedbackGraphType, FeedbackEdgeGraphType>;
