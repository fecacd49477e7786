using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.People;

public sealed class MergePeopleInputGraphType : InputGraphType<MergePeopleInput>
{
    public MergePeopleInputGraphType()
    {
        Name = "MergePeopleInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The person kept.");
        Field<NonNullGraphType<IntGraphType>>("version").Description("The kept person's version the merge is based on.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("mergeIds").Description("The duplicates, merged into the kept person and deleted.");
    }

    protected override MergePeopleInput Bind(InputFields fields) => new(fields.Id("id")!, fields.Number("version")!.Value, fields.Strings("mergeIds") ?? []);
}
