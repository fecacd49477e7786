using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

/// <summary>The input types that carry <see cref="ArticleFieldsInput"/>: create and update.</summary>
public abstract class ArticleFieldsInputGraphType<TInput> : InputGraphType<TInput>
{
    protected void ArticleFields(bool headlineRequired)
    {
        if (headlineRequired)
            Field<NonNullGraphType<StringGraphType>>("headline");
        else
            Field<StringGraphType>("headline");
        Field<StringGraphType>("slug").Description("URL name; made from the headline when not given.");
        Field<StringGraphType>("section").Description("The section's name; a new name makes a new section.");
        Field<StringGraphType>("revisionLabel");
        Field<StringGraphType>("genre");
        Field<BooleanGraphType>("isUrgent");
        Field<StringGraphType>("language");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("paragraphs");
        Field<DatelineInputGraphType>("dateline");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("authorIds").Description("The authors, in byline order.");
        Field<StringGraphType>("editorNotes").Description("Notes between editors; never shown to readers.");
    }

    protected static ArticleFieldsInput BindArticleFields(InputFields fields) => new(
        fields.OptionalText("headline"),
        fields.OptionalText("slug"),
        fields.OptionalText("section"),
        fields.OptionalText("revisionLabel"),
        fields.OptionalText("genre"),
        fields.OptionalValue<bool?>("isUrgent"),
        fields.OptionalText("language"),
        fields.OptionalStrings("paragraphs"),
        fields.OptionalValue<DatelineInput>("dateline"),
        fields.OptionalStrings("authorIds"),
        fields.OptionalText("editorNotes"));
}
