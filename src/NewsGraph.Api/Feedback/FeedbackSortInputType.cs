using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.Api.Feedback;

public sealed class FeedbackSortInputType : SortInputType<ReaderFeedback>
{
    public FeedbackSortInputType()
    {
        Field("id", f => f.Id);
        Field("rating", f => f.Rating);
        Field("createdAt", f => f.CreatedAt);
        Field("status", f => f.Status);
    }
}
