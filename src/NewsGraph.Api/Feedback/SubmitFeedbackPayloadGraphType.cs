using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Feedback;

public sealed class SubmitFeedbackPayloadGraphType : ObjectGraphType<SubmitFeedbackPayload>
{
    public SubmitFeedbackPayloadGraphType()
    {
        Name = "SubmitFeedbackPayload";
        Field<FeedbackGraphType>("feedback").Description("The feedback as stored.").Resolve(ctx => ctx.Source.Feedback);
        Field<StringGraphType>("thankYouMessage").Description("`Thanks for your feedback!`").Resolve(ctx => ctx.Source.ThankYouMessage);
        Field("errors", ErrorUnion.ListOf("SubmitFeedbackError",
                [typeof(InvalidInputErrorGraphType), typeof(NotFoundErrorGraphType), typeof(RateLimitedErrorGraphType)]))
            .Resolve(ctx => ctx.Source.Errors);
    }
}
