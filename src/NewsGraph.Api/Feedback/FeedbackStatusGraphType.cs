using GraphQL.Types;

namespace NewsGraph.Api.Feedback;

public sealed class FeedbackStatusGraphType : EnumerationGraphType<FeedbackStatus>
{
    public FeedbackStatusGraphType()
    {
        Name = "FeedbackStatus";
    }
}
