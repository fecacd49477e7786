using NewsGraph.GraphQL.Filtering;

namespace NewsGraph.Api.Articles;

public sealed class SectionFilterInputType : FilterInputType<Section>
{
    public SectionFilterInputType()
    {
        IdField("id", s => s.Id, "Section");
        Field("slug", s => s.Slug);
        Field("name", s => s.Name);
    }
}
