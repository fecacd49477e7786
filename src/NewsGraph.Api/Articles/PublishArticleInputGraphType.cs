using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Scalars;

namespace NewsGraph.Api.Articles;

public sealed class PublishArticleInputGraphType : InputGraphType<PublishArticleInput>
{
    public PublishArticleInputGraphType()
    {
        Name = "PublishArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
        Field<DateTimeType>("publishAt").Description("A later time holds the story under embargo until then; left out, it goes out now.");
    }

    protected override PublishArticleInput Bind(InputFields fields)
        => new(fields.Id("id")!, fields.Number("version")!.Value, fields.Value<DateTimeOffset?>("publishAt"));
}
