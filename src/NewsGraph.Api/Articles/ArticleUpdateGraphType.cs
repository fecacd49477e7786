using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Scalars;
using NewsGraph.GraphQL.CostAnalysis;

namespace NewsGraph.Api.Articles;

/// <summary>One change to a published story, as <c>articleUpdated</c> reports it.</summary>
public sealed class ArticleUpdateGraphType : ObjectGraphType<ArticleEvent>
{
    public ArticleUpdateGraphType()
    {
        Name = "ArticleUpdate";
        Field<NonNullGraphType<ArticleEventKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("version").Description("The story's version after the change.").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<DateTimeType>>("at").Description("When the change was saved.").Resolve(ctx => ctx.Source.At);
        Field<StringGraphType>("notice")
            .Description("The correction notice (CORRECTED) or why the story was withdrawn (WITHDRAWN).")
            .ResolverCost()
            .Resolve(ctx => ctx.Source.Kind switch
            {
                ArticleEventKind.Corrected => ctx.DataLoader<CorrectionsByArticleIdDataLoader>().LoadAsync(ctx.Source.ArticleId)
                    .Then(corrections => corrections.LastOrDefault(c => c.Version == ctx.Source.Version)?.Text),
                ArticleEventKind.Withdrawn => ctx.DataLoader<ArticleByIdDataLoader>().LoadAsync(ctx.Source.ArticleId)
                    .Then(article => article?.WithdrawalNotice),
                _ => (object?)null,
            });
        Field<ArticleGraphType>("article")
            .Description("The story as it is now; null when you may no longer see it (withdrawn, for readers).")
            .ResolverCost()
            .Resolve(ctx => ArticleVisibility.Load(ctx, ctx.Source.ArticleId));
    }
}
