using GraphQL.Types;
using NewsGraph.Api.Auth;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.Api.Feedback;

public static class FeedbackSubscriptions
{
    public static void AddFeedbackSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<FeedbackGraphType>>("feedbackSubmitted")
            .Description("Reader feedback the moment it is stored. Editors only; ends when the editor's token expires.")
            .Authorize(Roles.Editors)
            .ResolveStream(ctx => SourceStreams.FromEvents<FeedbackSubmitted>(ctx, FeedbackSubmitted.Topic))
            .Resolve(ctx => ctx.DataLoader<FeedbackByIdDataLoader>().LoadAsync(((FeedbackSubmitted)ctx.Source!).FeedbackId));
    }
}
