using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Syndication;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.DataLoader;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Fields;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Projection;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Scalars;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.CostAnalysis;

namespace NewsGraph.Api.Articles;

public sealed class ArticleGraphType : ObjectGraphType<Article>
{
    public ArticleGraphType()
    {
        Name = "Article";
        Description = "A story as the wire publishes it.";
        Interface<NodeInterfaceGraphType>();

        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Format(Name, ctx.Source.Id));
        Field(a => a.Slug).Description("URL name, unique.");
        Field(a => a.Headline).Description("The headline, without revision or genre markers.");
        Field(a => a.RevisionLabel, nullable: true).Description("Which write-through this is (`LEAD`, `2nd LD`); null for the first version.");
        Field(a => a.Genre, nullable: true).Description("A genre marker such as `News Focus` or `Yonhap Interview`.");
        Field(a => a.IsUrgent).Description("Marked (URGENT) by the wire.");
        Field<NonNullGraphType<ArticleStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<DateTimeType>("publishedAt")
            .Description("When the story was published, in the offset it was published with.")
            .Requires(a => a.PublishedAt, a => a.PublishedOffsetMinutes)
            .Resolve(ctx => ctx.Source.PublishedAtLocal);
        Field<NonNullGraphType<DateTimeType>>("updatedAt").Resolve(ctx => new DateTimeOffset(ctx.Source.UpdatedAt));
        Field<DatelineGraphType>("dateline")
            .Requires(a => a.DatelinePlaces, a => a.DatelineSource, a => a.DatelineDate)
            .Resolve(ctx => ctx.Source.DatelinePlaces.Count > 0 || ctx.Source.DatelineSource is not null ? ctx.Source : null);
        Field(a => a.Language).Description("BCP 47 language tag.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("paragraphs")
            .Description("Body paragraphs in reading order; photo captions are not among them.")
            .Resolve(ctx => ctx.Source.Paragraphs);
        Field<NonNullGraphType<StringGraphType>>("body")
            .Description("The paragraphs joined by blank lines.")
            .Requires(a => a.Paragraphs)
            .Resolve(ctx => string.Join("\n\n", ctx.Source.Paragraphs));
        Field(a => a.Version).Description("Raised by every saved change.");
        this.ResponseKeys(a => [ArticleCacheKeys.Article(a.Id)]);
        AddRelatedFields();
        AddEditorialFields();
        AddSyndicationFields();
    }

    /// <summary>The story in the formats agencies exchange (IPTC ninjs) and sites publish (schema.org NewsArticle).</summary>
    private void AddSyndicationFields()
    {
        Field<NonNullGraphType<StringGraphType>>("ninjs")
            .Description("The story as an IPTC ninjs 2.1 document (JSON text): headlines, by, located, bodies (text and HTML), people with their roles, photos as associations with credit and usage terms.")
            .ResolverCost()
            .Resolve(ctx => ctx.DataLoader<SyndicatedStoryByArticleIdDataLoader>().LoadAsync(ctx.Source.Id)
                .Then(story => NinjsDocument.Build(story!, Options(ctx)).ToJsonString()));
        Field<NonNullGraphType<StringGraphType>>("jsonLd")
            .Description("The story as schema.org `NewsArticle` JSON-LD (JSON text), for a page's `<script type=\"application/ld+json\">`.")
            .ResolverCost()
            .Resolve(ctx => ctx.DataLoader<SyndicatedStoryByArticleIdDataLoader>().LoadAsync(ctx.Source.Id)
                .Then(story => NewsArticleJsonLd.Build(story!, Options(ctx)).ToJsonString()));
    }

    private static SyndicationOptions Options(IResolveFieldContext context)
        => context.RequestServices!.GetRequiredService<IOptions<SyndicationOptions>>().Value;

    /// <summary>What the story links to: its section, people, photos, quotes and neighbours.</summary>
    private void AddRelatedFields()
    {
        Field<NonNullGraphType<SectionGraphType>>("section")
            .Requires(a => a.SectionId)
            .ResolverCost()
            .Resolve(ctx => ctx.DataLoader<SectionByIdDataLoader>().LoadAsync(ctx.Source.SectionId));
        this.QueryField("authors").List<PersonGraphType, Person>()
            .Description("The people the byline credits as authors, in byline order.")
            .AssumedSize(5)
            .Filtering<PersonFilterInputType>()
            .Sorting<PersonSortInputType>()
            .SameForEveryCaller()
            .ResolveBatched<NewsDbContext, int, Byline>(
                a => a.Id, (db, _) => db.Bylines.Where(b => b.Role == BylineRole.Author), b => b.ArticleId, b => b.Person, b => b.Position);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BylineGraphType>>>>("bylines")
            .Description("Everyone the byline credits, in order, with their role.")
            .ResolverCost()
            .ListSize(assumedSize: 5)
            .Resolve(ctx => ctx.DataLoader<BylinesByArticleIdDataLoader>().LoadAsync(ctx.Source.Id));
        this.QueryField("images").List<ImageGraphType, Image>()
            .Description("Photos in the order the story places them, unless `order` says otherwise.")
            .AssumedSize(10)
            .Filtering<ImageFilterInputType>()
            .Sorting<ImageSortInputType>()
            .SameForEveryCaller()
            .ResolveBatched<NewsDbContext, int, ArticleImage>(a => a.Id, (db, _) => db.ArticleImages, l => l.ArticleId, l => l.Image, l => l.Position);
        Field<ImageGraphType>("leadImage")
            .Description("The story's first photo, as a front page shows it; null when it has none.")
            .ResolverCost()
            .Resolve(ctx => ctx.DataLoader<LeadImageByArticleIdDataLoader>().LoadAsync(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleGraphType>>>>("moreFromSection")
            .Description("The latest other published stories of the same section, newest first: an article page's \"more from\" list.")
            .Argument<IntGraphType>("first", arg =>
            {
                arg.DefaultValue = 5;
                arg.Description = "How many; at most the maximum page size.";
            })
            .Requires(a => a.SectionId)
            .ResolverCost()
            .ListSize(assumedSize: 50, "first")
            .ResponseKeysAsync(SectionKeyAsync)
            .Resolve(MoreFromSection);
        this.QueryField("quotes").List<QuoteGraphType, Quote>()
            .Description("Quotes in story order, unless `order` says otherwise.")
            .AssumedSize(20)
            .Filtering<QuoteFilterInputType>()
            .Sorting<QuoteSortInputType>()
            .SameForEveryCaller()
            .ResolveBatched<NewsDbContext, int, Quote>(a => a.Id, (db, _) => db.Quotes, q => q.ArticleId, q => q, q => q.Position);
    }

    /// <summary>Corrections, withdrawal, notes and history, and the reader feedback form.</summary>
    private void AddEditorialFields()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CorrectionGraphType>>>>("corrections")
            .Description("Public correction notices, oldest first.")
            .ResolverCost()
            .ListSize(assumedSize: 5)
            .Resolve(ctx => ctx.DataLoader<CorrectionsByArticleIdDataLoader>().LoadAsync(ctx.Source.Id));
        Field(a => a.WithdrawalNotice, nullable: true).Description("Why the story was killed; killed stories are shown to editors only.");
        Field<DateTimeType>("withdrawnAt").Resolve(ctx => ctx.Source.WithdrawnAt is { } at ? new DateTimeOffset(at) : null);
        Field(a => a.EditorNotes, nullable: true).Description("Notes between editors. Editors only.").Authorize(Roles.Editors)
            .CacheControl(scope: CacheControlScope.Private);
        Field<ListGraphType<NonNullGraphType<ArticleRevisionGraphType>>>("revisions")
            .Description("Every saved change, oldest first: version, time, editor and what changed. Editors only (null for others, so the rest of the story still shows).")
            .Authorize(Roles.Editors)
            .ResolverCost()
            .CacheControl(scope: CacheControlScope.Private)
            .ListSize(assumedSize: 20)
            .Resolve(ctx => ctx.DataLoader<RevisionsByArticleIdDataLoader>().LoadAsync(ctx.Source.Id));
        Field<NonNullGraphType<FeedbackFormGraphType>>("feedbackForm")
            .Description("The form a reader of this story answers.")
            .Resolve(ctx => FeedbackQueries.Form(ctx));
    }

    /// <summary>"More from the section" changes with the section's list of stories.</summary>
    private static async ValueTask<IEnumerable<string>> SectionKeyAsync(IResolveFieldContext<Article> ctx)
    {
        var slug = await ctx.RequestServices!.GetRequiredService<SectionCatalog>().SlugAsync(ctx.Source.SectionId, ctx.CancellationToken);
        return slug is null ? [ArticleCacheKeys.Lists] : [ArticleCacheKeys.Section(slug)];
    }

    private static object MoreFromSection(IResolveFieldContext<Article> ctx)
    {
        var first = ctx.GetArgument("first", 5);
        var max = ctx.RequestServices!.GetRequiredService<IOptions<PagingOptions>>().Value.MaxPageSize;
        if (first < 0)
            throw PagingErrors.NegativePageSize("Article.moreFromSection", first);
        if (first > max)
            throw PagingErrors.MaxPageSizeExceeded("Article.moreFromSection", first, max);
        return ctx.DataLoader<MoreFromSectionDataLoader>().LoadAsync(new MoreFromSectionDataLoader.Key(ctx.Source.Id, ctx.Source.SectionId, first, SelectedMembers.Of(ctx)));
    }
}
