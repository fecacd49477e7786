using GraphQL.Types;
using NewsGraph.GraphQL.Filtering;

namespace NewsGraph.Api.Feedback;

public sealed class FeedbackFilterInputType : FilterInputType<ReaderFeedback>
{
    public FeedbackFilterInputType()
    {
        IdField("id", f => f.Id, "Feedback");
        Field("message", f => f.Message);
        Field("rating", f => f.Rating);
        Field("contactEmail", f => f.ContactEmail);
        Field("createdAt", f => f.CreatedAt);
        EnumField<FeedbackStatusGraphType, FeedbackStatus>("status", f => f.Status);
    }
}
