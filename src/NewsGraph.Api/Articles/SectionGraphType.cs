using GraphQL.Types;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Articles;

public sealed class SectionGraphType : ObjectGraphType<Section>
{
    public SectionGraphType()
    {
        Name = "Section";
        Description = "A section of the site.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Format(Name, ctx.Source.Id));
        Field(s => s.Slug).Description("Unique, lower case: `all-news`.");
        Field(s => s.Name).Description("As shown to readers: `All News`.");
        this.ResponseKeys(s => [ArticleCacheKeys.Section(s.Slug)]);
    }
}
