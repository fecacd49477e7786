using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Images;

public sealed class CreateImageInputGraphType : ImageFieldsInputGraphType<CreateImageInput>
{
    public CreateImageInputGraphType()
    {
        Name = "CreateImageInput";
        ImageFields(captionRequired: true);
    }

    protected override CreateImageInput Bind(InputFields fields) => new(BindImageFields(fields));
}
