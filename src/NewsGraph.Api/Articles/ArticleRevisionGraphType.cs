using GraphQL.Types;
using NewsGraph.GraphQL.Scalars;

namespace NewsGraph.Api.Articles;

public sealed class ArticleRevisionGraphType : ObjectGraphType<ArticleRevision>
{
    public ArticleRevisionGraphType()
    {
        Name = "ArticleRevision";
        Description = "One saved change of a story.";
        Field(r => r.Version);
        Field<NonNullGraphType<DateTimeType>>("changedAt").Resolve(ctx => new DateTimeOffset(ctx.Source.ChangedAt));
        Field(r => r.Editor).Description("Who saved it.");
        Field(r => r.Action).Description("`created`, `updated`, `published`, `scheduled`, `corrected`, `withdrawn`, `images`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("changes").Description("The fields it changed.").Resolve(ctx => ctx.Source.Changes);
    }
}
