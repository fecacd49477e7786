using GraphQL.Types;

namespace NewsGraph.Api.Feedback;

public sealed class FeedbackFormGraphType : ObjectGraphType<FeedbackFormOptions>
{
    public FeedbackFormGraphType()
    {
        Name = "FeedbackForm";
        Description = "The form through which readers tell the newsroom how to improve.";
        Field(f => f.Title).Description("`Send Feedback`");
        Field(f => f.Prompt).Description("`How can we improve?`");
        Field(f => f.ThankYouMessage).Description("Shown once feedback is stored: `Thanks for your feedback!`");
    }
}
