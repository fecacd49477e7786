using NewsGraph.GraphQL.Filtering;

namespace NewsGraph.Api.People;

public sealed class PersonFilterInputType : FilterInputType<Person>
{
    public PersonFilterInputType()
    {
        IdField("id", p => p.Id, "Person");
        Field("name", p => p.Name);
        Field("title", p => p.Title);
        Field("organization", p => p.Organization);
    }
}
