using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Articles;

public static class ArticlesServiceCollectionExtensions
{
    /// <summary>Stories: their DataLoaders, their <c>node</c> lookup, the editor that changes them and the embargo lifter.</summary>
    public static IServiceCollection AddArticles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NewsroomOptions>().Bind(configuration.GetSection(NewsroomOptions.SectionName))
            .Validate(o => o.EmbargoCheckInterval > TimeSpan.Zero && o.UtcOffset.Duration() <= TimeSpan.FromHours(14), "Newsroom settings are out of range.");
        services.AddSingleton<SectionCatalog>();
        services.AddSingleton<ArticlePeople>();
        services.AddScoped<SectionByIdDataLoader>();
        services.AddScoped<BylinesByArticleIdDataLoader>();
        services.AddScoped<ArticleByIdDataLoader>();
        services.AddScoped<CorrectionsByArticleIdDataLoader>();
        services.AddScoped<RevisionsByArticleIdDataLoader>();
        services.AddScoped<LeadImageByArticleIdDataLoader>();
        services.AddScoped<MoreFromSectionDataLoader>();
        services.AddSingleton(new NodeResolver(ArticleErrors.Story.TypeName, (ctx, id) => ArticleVisibility.Load(ctx, id).Then(a => (object?)a)));
        services.AddSingleton<ArticleEditor>();
        services.AddHostedService<EmbargoLifter>();
        return services;
    }
}
