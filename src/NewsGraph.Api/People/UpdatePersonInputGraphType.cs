using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.People;

public sealed class UpdatePersonInputGraphType : PersonFieldsInputGraphType<UpdatePersonInput>
{
    public UpdatePersonInputGraphType()
    {
        Name = "UpdatePersonInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
        PersonFields(nameRequired: false);
    }

    protected override UpdatePersonInput Bind(InputFields fields) => new(fields.Id("id")!, fields.Number("version")!.Value, BindPersonFields(fields));
}
