using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Feedback;

public sealed class SubmitFeedbackInputGraphType : InputGraphType<SubmitFeedbackInput>
{
    public SubmitFeedbackInputGraphType()
    {
        Name = "SubmitFeedbackInput";
        Field<IdGraphType>("articleId").Description("The story the reader was on, if any.");
        Field<NonNullGraphType<StringGraphType>>("message");
        Field<IntGraphType>("rating").Description("1 to 5.");
        Field<StringGraphType>("contactEmail").Description("Where the newsroom may answer, if the reader wants an answer.");
        Field<StringGraphType>("website").Description("Leave empty: a field forms hide from people, which automated senders fill in.");
    }

    protected override SubmitFeedbackInput Bind(InputFields fields) => new(
        fields.Id("articleId"), fields.Value<string>("message"), fields.Number("rating"), fields.Value<string>("contactEmail"), fields.Value<string>("website"));
}
