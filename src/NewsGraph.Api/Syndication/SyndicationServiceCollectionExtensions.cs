namespace NewsGraph.Api.Syndication;

public static class SyndicationServiceCollectionExtensions
{
    /// <summary>ninjs and schema.org views of stories: their options, loader and bulk exporter.</summary>
    public static IServiceCollection AddSyndication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyndicationOptions>().Bind(configuration.GetSection(SyndicationOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Publisher) && (o.SiteUrl is null || Uri.IsWellFormedUriString(o.SiteUrl, UriKind.Absolute)),
                "Syndication:Publisher must be set and Syndication:SiteUrl, when set, an absolute URL.");
        services.AddScoped<SyndicatedStoryByArticleIdDataLoader>();
        services.AddSingleton<NinjsExporter>();
        return services;
    }
}
