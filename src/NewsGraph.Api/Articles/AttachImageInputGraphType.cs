using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class AttachImageInputGraphType : InputGraphType<AttachImageInput>
{
    public AttachImageInputGraphType()
    {
        Name = "AttachImageInput";
        Field<NonNullGraphType<IdGraphType>>("articleId");
        Field<NonNullGraphType<IntGraphType>>("version").Description("The story's version the change is based on.");
        Field<NonNullGraphType<IdGraphType>>("imageId");
        Field<IntGraphType>("position").Description("1-based place in the story; at the end when left out.");
    }

    protected override AttachImageInput Bind(InputFields fields)
        => new(fields.Id("articleId")!, fields.Number("version")!.Value, fields.Id("imageId")!, fields.Number("position"));
}
