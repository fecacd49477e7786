using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Feedback;

public sealed class ModerateFeedbackInputGraphType : InputGraphType<ModerateFeedbackInput>
{
    public ModerateFeedbackInputGraphType()
    {
        Name = "ModerateFeedbackInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<FeedbackStatusGraphType>>("status");
    }

    protected override ModerateFeedbackInput Bind(InputFields fields) => new(fields.Id("id")!, fields.Value<FeedbackStatus>("status"));
}
