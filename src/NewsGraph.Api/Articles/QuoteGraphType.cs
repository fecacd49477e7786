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
            .Joins(q => q.Speaker)
            .ResolverCost()
            .Resolve(Speaker);
    }

    /// <summary>The speaker read with the quote (an article's quotes join their speakers), else through the loader.</summary>
    private static object? Speaker(IResolveFieldContext<Quote> ctx) => ctx.Source switch
    {
        { SpeakerId: null } => null,
        { Speaker: { } speaker } when speaker.Id == ctx.Source.SpeakerId => speaker,
        { SpeakerId: { } id } => ctx.DataLoader<PersonByIdDataLoader>().LoadAsync(id),
    };
}
