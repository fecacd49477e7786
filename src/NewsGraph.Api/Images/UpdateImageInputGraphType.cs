using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Images;

public sealed class UpdateImageInputGraphType : ImageFieldsInputGraphType<UpdateImageInput>
{
    public UpdateImageInputGraphType()
    {
        Name = "UpdateImageInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
        ImageFields(captionRequired: false);
    }

    protected override UpdateImageInput Bind(InputFields fields) => new(fields.Id("id")!, fields.Number("version")!.Value, BindImageFields(fields));
}
