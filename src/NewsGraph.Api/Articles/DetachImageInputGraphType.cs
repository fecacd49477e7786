using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class DetachImageInputGraphType : InputGraphType<DetachImageInput>
{
    public DetachImageInputGraphType()
    {
        Name = "DetachImageInput";
        Field<NonNullGraphType<IdGraphType>>("articleId");
        Field<NonNullGraphType<IntGraphType>>("version");
        Field<NonNullGraphType<IdGraphType>>("imageId");
    }

    protected override DetachImageInput Bind(InputFields fields)
        => new(fields.Id("articleId")!, fields.Number("version")!.Value, fields.Id("imageId")!);
}
