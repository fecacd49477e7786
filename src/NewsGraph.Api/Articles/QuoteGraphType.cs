using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.People;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Projection;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.CostAnalysis;

namespace NewsGraph.Api.Articles;

public sealed class QuoteGraphType : ObjectGraphType<Quote>
{
    public QuoteGraphType()
    {
        Name = "Quote";
        Description = "Words a story quotes, with who said them.";
        Field(q => q.Text);
        Field(q => q.Position).Description("1-based order within the story.");
        Field(q => q.SpeakerTitle, nullable: true).Description("The speaker's title as this story gives it.");
        Field<PersonGraphType>("speaker")
            .Requires(q => q.SpeakerId)
            .ResolverCost()
            .Resolve(ctx => ctx.Source.SpeakerId is { } id ? ctx.DataLoader<PersonByIdDataLoader>().LoadAsync(id) : null);
    }
}
