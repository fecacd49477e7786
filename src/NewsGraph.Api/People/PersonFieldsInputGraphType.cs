using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.People;

/// <summary>The input types that carry <see cref="PersonFieldsInput"/>: create and update.</summary>
public abstract class PersonFieldsInputGraphType<TInput> : InputGraphType<TInput>
{
    protected void PersonFields(bool nameRequired)
    {
        if (nameRequired)
            Field<NonNullGraphType<StringGraphType>>("name");
        else
            Field<StringGraphType>("name");
        Field<StringGraphType>("title");
        Field<StringGraphType>("organization");
    }

    protected static PersonFieldsInput BindPersonFields(InputFields fields)
        => new(fields.OptionalText("name"), fields.OptionalText("title"), fields.OptionalText("organization"));
}
