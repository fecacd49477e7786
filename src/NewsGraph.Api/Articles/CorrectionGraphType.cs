using GraphQL.Types;
using NewsGraph.GraphQL.Scalars;

namespace NewsGraph.Api.Articles;

public sealed class CorrectionGraphType : ObjectGraphType<Correction>
{
    public CorrectionGraphType()
    {
        Name = "Correction";
        Description = "A public correction notice.";
        Field(c => c.Text);
        Field<NonNullGraphType<DateTimeType>>("createdAt").Resolve(ctx => new DateTimeOffset(ctx.Source.CreatedAt));
        Field(c => c.Version).Description("The version of the story the correction produced.");
    }
}
