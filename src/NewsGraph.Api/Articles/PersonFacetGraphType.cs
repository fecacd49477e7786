using GraphQL.Types;
using NewsGraph.Api.People;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Articles;

public sealed class PersonFacetGraphType : ObjectGraphType<PersonFacet>
{
    public PersonFacetGraphType()
    {
        Name = "PersonFacet";
        Description = "A person and how many of the stories name them (in the byline, or quoted: see the field).";
        Field<NonNullGraphType<PersonGraphType>>("person")
            .ResolverCost()
            .Resolve(ctx => ctx.DataLoader<PersonByIdDataLoader>().LoadAsync(ctx.Source.PersonId));
        Field(f => f.Count).Description("Stories, each counted once however often it names the person.");
    }
}
