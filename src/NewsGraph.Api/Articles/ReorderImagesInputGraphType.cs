using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class ReorderImagesInputGraphType : InputGraphType<ReorderImagesInput>
{
    public ReorderImagesInputGraphType()
    {
        Name = "ReorderImagesInput";
        Field<NonNullGraphType<IdGraphType>>("articleId");
        Field<NonNullGraphType<IntGraphType>>("version");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("imageIds").Description("All of the story's images, in their new order.");
    }

    protected override ReorderImagesInput Bind(InputFields fields)
        => new(fields.Id("articleId")!, fields.Number("version")!.Value, fields.Strings("imageIds") ?? []);
}
