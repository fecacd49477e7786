using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class DatelineInputGraphType : InputGraphType<DatelineInput>
{
    public DatelineInputGraphType()
    {
        Name = "DatelineInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("places").Description("In order: `[\"WASHINGTON\", \"SEOUL\"]`.");
        Field<StringGraphType>("date").Description("As written: `Nov. 23`.");
        Field<StringGraphType>("source").Description("The agency: `Yonhap`.");
    }

    protected override DatelineInput Bind(InputFields fields)
        => new(fields.Strings("places") ?? [], fields.Value<string>("date"), fields.Value<string>("source"));
}
