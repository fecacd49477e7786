using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.People;

public sealed class CreatePersonInputGraphType : PersonFieldsInputGraphType<CreatePersonInput>
{
    public CreatePersonInputGraphType()
    {
        Name = "CreatePersonInput";
        PersonFields(nameRequired: true);
    }

    protected override CreatePersonInput Bind(InputFields fields) => new(BindPersonFields(fields));
}
