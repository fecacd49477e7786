using GraphQL.Types;
using NewsGraph.Api.People;

namespace NewsGraph.Api.Articles;

public sealed class BylineGraphType : ObjectGraphType<Byline>
{
    public BylineGraphType()
    {
        Name = "Byline";
        Description = "A person credited on a story.";
        Field(b => b.Position).Description("1-based place in the byline.");
        Field<NonNullGraphType<BylineRoleGraphType>>("role").Resolve(ctx => ctx.Source.Role);
        Field<NonNullGraphType<PersonGraphType>>("person").Resolve(ctx => ctx.Source.Person);
    }
}
