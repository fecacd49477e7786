using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace NewsGraph.Api.Feedback;

public static class FeedbackQueries
{
    public static void AddFeedbackQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<FeedbackFormGraphType>>("feedbackForm")
            .Description("The reader feedback form.")
            .Resolve(Form);
    }

    public static FeedbackFormOptions Form(IResolveFieldContext context)
        => context.RequestServices!.GetRequiredService<IOptions<FeedbackFormOptions>>().Value;
}
