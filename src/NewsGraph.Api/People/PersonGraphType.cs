using GraphQL.Types;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.People;

public sealed class PersonGraphType : ObjectGraphType<Person>
{
    public PersonGraphType()
    {
        Name = "Person";
        Description = "Someone a story names: a reporter in a byline, an official it quotes.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Format(Name, ctx.Source.Id));
        Field(p => p.Name);
        Field(p => p.Title, nullable: true).Description("The title most recently known.");
        Field(p => p.Organization, nullable: true);
    }
}
