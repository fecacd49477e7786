using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.Api.Articles;

/// <summary><c>ArticleSortInput</c>: the article's own fields and its section's.</summary>
public sealed class ArticleSortInputType : SortInputType<Article>
{
    public ArticleSortInputType()
    {
        Field("id", a => a.Id);
        Field("slug", a => a.Slug);
        Field("headline", a => a.Headline);
        Field("revisionLabel", a => a.RevisionLabel);
        Field("genre", a => a.Genre);
        Field("isUrgent", a => a.IsUrgent);
        Field("status", a => a.Status);
        Field("publishedAt", a => a.PublishedAt);
        Field("updatedAt", a => a.UpdatedAt);
        Field("language", a => a.Language);
        Field("version", a => a.Version);
        ObjectField<SectionSortInputType, Section>("section", a => a.Section);
    }
}
