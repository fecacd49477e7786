using GraphQL.Types;
using NewsGraph.GraphQL.Scalars;

namespace NewsGraph.Api.Articles;

// Inputs of the editorial mutations (Hot Chocolate's convention: one `input` argument of type
// {Mutation}Input). In updates a field left out keeps its value and a field set to null clears it.

public sealed class DatelineInputGraphType : InputObjectGraphType
{
    public DatelineInputGraphType()
    {
        Name = "DatelineInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("places").Description("In order: `[\"WASHINGTON\", \"SEOUL\"]`.");
        Field<StringGraphType>("date").Description("As written: `Nov. 23`.");
        Field<StringGraphType>("source").Description("The agency: `Yonhap`.");
    }
}

/// <summary>The fields a story's text is made of, shared by create, update and correct.</summary>
public abstract class ArticleFieldsInputGraphType : InputObjectGraphType
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
}

public sealed class CreateArticleInputGraphType : ArticleFieldsInputGraphType
{
    public CreateArticleInputGraphType()
    {
        Name = "CreateArticleInput";
        ArticleFields(headlineRequired: true);
    }
}

public sealed class UpdateArticleInputGraphType : ArticleFieldsInputGraphType
{
    public UpdateArticleInputGraphType()
    {
        Name = "UpdateArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version").Description("The version the change is based on.");
        ArticleFields(headlineRequired: false);
    }
}

public sealed class CorrectArticleInputGraphType : InputObjectGraphType
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
}

public sealed class PublishArticleInputGraphType : InputObjectGraphType
{
    public PublishArticleInputGraphType()
    {
        Name = "PublishArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
        Field<DateTimeType>("publishAt").Description("A later time holds the story under embargo until then; left out, it goes out now.");
    }
}

public sealed class WithdrawArticleInputGraphType : InputObjectGraphType
{
    public WithdrawArticleInputGraphType()
    {
        Name = "WithdrawArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
        Field<NonNullGraphType<StringGraphType>>("notice").Description("What readers following a link to the story are told.");
    }
}

public sealed class DeleteArticleInputGraphType : InputObjectGraphType
{
    public DeleteArticleInputGraphType()
    {
        Name = "DeleteArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
    }
}

public sealed class AttachImageInputGraphType : InputObjectGraphType
{
    public AttachImageInputGraphType()
    {
        Name = "AttachImageInput";
        Field<NonNullGraphType<IdGraphType>>("articleId");
        Field<NonNullGraphType<IntGraphType>>("version").Description("The story's version the change is based on.");
        Field<NonNullGraphType<IdGraphType>>("imageId");
        Field<IntGraphType>("position").Description("1-based place in the story; at the end when left out.");
    }
}

public sealed class DetachImageInputGraphType : InputObjectGraphType
{
    public DetachImageInputGraphType()
    {
        Name = "DetachImageInput";
        Field<NonNullGraphType<IdGraphType>>("articleId");
        Field<NonNullGraphType<IntGraphType>>("version");
        Field<NonNullGraphType<IdGraphType>>("imageId");
    }
}

public sealed class ReorderImagesInputGraphType : InputObjectGraphType
{
    public ReorderImagesInputGraphType()
    {
        Name = "ReorderImagesInput";
        Field<NonNullGraphType<IdGraphType>>("articleId");
        Field<NonNullGraphType<IntGraphType>>("version");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("imageIds").Description("All of the story's images, in their new order.");
    }
}
