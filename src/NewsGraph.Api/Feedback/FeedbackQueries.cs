using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Auth;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Fields;
using NewsGraph.GraphQL.Caching;

namespace NewsGraph.Api.Feedback;

public static class FeedbackQueries
{
    public static void AddFeedbackQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<FeedbackFormGraphType>>("feedbackForm")
            .Description("The reader feedback form.")
            .Resolve(Form);

        query.QueryField("feedback").Connection<FeedbackConnectionGraphType, ReaderFeedback>()
            .Description("Reader feedback, newest first unless `order` says otherwise. Editors only.")
            .Filtering<FeedbackFilterInputType>()
            .Sorting<FeedbackSortInputType>()
            .DefaultOrder(f => f.CreatedAt, descending: true)
            .Authorize(Roles.Editors)
            .CacheControl(scope: CacheControlScope.Private)
            .Resolve<NewsDbContext>((db, _) => db.Feedback);
    }

    public static FeedbackFormOptions Form(IResolveFieldContext context)
        => context.RequestServices!.GetRequiredService<IOptions<FeedbackFormOptions>>().Value;
}
