using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class CorrectArticleInputGraphType : InputGraphType<CorrectArticleInput>
{
    public CorrectArticleInputGraphType()
    {
        Name = "CorrectArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
        Field<NonNullGraphType<StringGraphType>>("notice").Description("The public correction notice.");
        Field<StringGraphType>("headline");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("paragraphs");
    }

    protected override CorrectArticleInput Bind(InputFields fields) => new(
        fields.Id("id")!,
        fields.Number("version")!.Value,
        fields.Value<string>("notice"),
        ArticleFieldsInput.None with { Headline = fields.OptionalText("headline"), Paragraphs = fields.OptionalStrings("paragraphs") });
}
