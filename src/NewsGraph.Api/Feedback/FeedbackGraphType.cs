using GraphQL.Types;
using NewsGraph.Api.Articles;
using NewsGraph.GraphQL.Projection;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Scalars;
using NewsGraph.GraphQL.CostAnalysis;

namespace NewsGraph.Api.Feedback;

/// <summary>Feedback as editors read it (and as its sender gets it back).</summary>
public sealed class FeedbackGraphType : ObjectGraphType<ReaderFeedback>
{
    public FeedbackGraphType()
    {
        Name = "Feedback";
        Description = "What a reader sent through \"How can we improve?\".";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Format(Name, ctx.Source.Id));
        Field<ArticleGraphType>("article")
            .Description("The story the reader was on, if any.")
            .Requires(f => f.ArticleId)
            .ResolverCost()
            .Resolve(ctx => ctx.Source.ArticleId is { } id ? ArticleVisibility.Load(ctx, id) : null);
        Field(f => f.Message);
        Field(f => f.Rating, nullable: true).Description("1 to 5, when given.");
        Field(f => f.ContactEmail, nullable: true);
        Field(f => f.SubmittedBy, nullable: true).Description("The signed-in reader who sent it, if any.");
        Field<NonNullGraphType<DateTimeType>>("createdAt").Resolve(ctx => new DateTimeOffset(ctx.Source.CreatedAt));
        Field<NonNullGraphType<FeedbackStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
    }
}
