using NewsGraph.Api.People;
using NewsGraph.GraphQL.Filtering;

namespace NewsGraph.Api.Articles;

public sealed class BylineFilterInputType : FilterInputType<Byline>
{
    public BylineFilterInputType()
    {
        Field("position", b => b.Position);
        EnumField<BylineRoleGraphType, BylineRole>("role", b => b.Role);
        ObjectField<PersonFilterInputType, Person>("person", b => b.Person);
    }
}
