using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Feedback;

public sealed class DeleteFeedbackInputGraphType : InputGraphType<DeleteFeedbackInput>
{
    public DeleteFeedbackInputGraphType()
    {
        Name = "DeleteFeedbackInput";
        Field<NonNullGraphType<IdGraphType>>("id");
    }

    protected override DeleteFeedbackInput Bind(InputFields fields) => new(fields.Id("id")!);
}
