using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class SetQuoteSpeakerInputGraphType : InputGraphType<SetQuoteSpeakerInput>
{
    public SetQuoteSpeakerInputGraphType()
    {
        Name = "SetQuoteSpeakerInput";
        Field<NonNullGraphType<IdGraphType>>("articleId");
        Field<NonNullGraphType<IntGraphType>>("version").Description("The story's version the change is based on.");
        Field<NonNullGraphType<IntGraphType>>("position").Description("The quote's 1-based position in the story.");
        Field<IdGraphType>("speakerId").Description("The person who said it; null when no person did.");
        Field<StringGraphType>("speakerTitle").Description("The speaker's title as the story gives it; the person's title when left out.");
    }

    protected override SetQuoteSpeakerInput Bind(InputFields fields)
        => new(fields.Id("articleId")!, fields.Number("version")!.Value, fields.Number("position")!.Value,
            fields.Id("speakerId") is { Length: > 0 } speaker ? speaker : null, fields.Value<string>("speakerTitle"));
}
