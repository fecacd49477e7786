using NewsGraph.Api.Images;
using NewsGraph.Api.People;
using NewsGraph.GraphQL.Filtering;

namespace NewsGraph.Api.Articles;

/// <summary><c>ArticleFilterInput</c>: the article's own fields, its section, dateline and related lists.</summary>
public sealed class ArticleFilterInputType : FilterInputType<Article>
{
    public ArticleFilterInputType()
    {
        IdField("id", a => a.Id, "Article");
        Field("slug", a => a.Slug);
        Field("headline", a => a.Headline);
        Field("revisionLabel", a => a.RevisionLabel);
        Field("genre", a => a.Genre);
        Field("isUrgent", a => a.IsUrgent);
        EnumField<ArticleStatusGraphType, ArticleStatus>("status", a => a.Status);
        Field("publishedAt", a => a.PublishedAt);
        Field("updatedAt", a => a.UpdatedAt);
        Field("language", a => a.Language);
        Field("paragraphs", a => a.Paragraphs);
        Field("version", a => a.Version);
        ObjectField<SectionFilterInputType, Section>("section", a => a.Section);
        ObjectField<DatelineFilterInputType, Article>("dateline", a => a);
        ListField<PersonFilterInputType, Person>("authors", a => a.Bylines.Where(b => b.Role == BylineRole.Author).Select(b => b.Person));
        ListField<BylineFilterInputType, Byline>("bylines", a => a.Bylines);
        ListField<ImageFilterInputType, Image>("images", a => a.Images.Select(i => i.Image));
        ListField<QuoteFilterInputType, Quote>("quotes", a => a.Quotes);
    }
}
