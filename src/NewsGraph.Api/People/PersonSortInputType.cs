using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.Api.People;

public sealed class PersonSortInputType : SortInputType<Person>
{
    public PersonSortInputType()
    {
        Field("id", p => p.Id);
        Field("name", p => p.Name);
        Field("title", p => p.Title);
        Field("organization", p => p.Organization);
    }
}
