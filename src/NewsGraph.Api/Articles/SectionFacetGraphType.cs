using GraphQL.Types;

namespace NewsGraph.Api.Articles;

public sealed class SectionFacetGraphType : ObjectGraphType<SectionFacet>
{
    public SectionFacetGraphType()
    {
        Name = "SectionFacet";
        Description = "A section and how many of the stories are in it.";
        Field<NonNullGraphType<SectionGraphType>>("section").Resolve(ctx => ctx.Source.Section);
        Field(f => f.Count).Description("Stories in the section.");
    }
}
