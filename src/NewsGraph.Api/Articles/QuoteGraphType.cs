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
        Field<NonNullGraphType<QuoteAttributionGraphType>>("attribution")
            .Description("How the speaker was found: the rule of the importer's attribution sieve, an editor, or `UNATTRIBUTED`.")
            .Resolve(ctx => ctx.Source.Attribution);
        Field(q => q.Source, nullable: true)
            .Description("Who the words are given to when that is no person, as the story writes it: `the ministry`, `an industry official`.");
        Field(q => q.UnattributedReason, nullable: true).Description("Why no speaker was found, when none was.");
        Field<PersonGraphType>("speaker")
            .Requires(q => q.SpeakerId)
            .ResolverCost()
            .Resolve(ctx => ctx.Source.SpeakerId is { } id ? ctx.DataLoader<PersonByIdDataLoader>().LoadAsync(id) : null);
    }
}
