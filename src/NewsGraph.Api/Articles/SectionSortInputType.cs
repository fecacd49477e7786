using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.Api.Articles;

public sealed class SectionSortInputType : SortInputType<Section>
{
    public SectionSortInputType()
    {
        Field("id", s => s.Id);
        Field("slug", s => s.Slug);
        Field("name", s => s.Name);
    }
}
