namespace NewsGraph.Api.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The search backlog and the background work that empties it.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.SectionName))
            .Validate(o => o.BacklogBatchSize > 0 && o.BacklogPollInterval > TimeSpan.Zero,
                "Search:BacklogBatchSize and Search:BacklogPollInterval must be positive.");
        services.AddSingleton<SearchBacklog>();
        services.AddHostedService<SearchBacklogWorker>();
        return services;
    }
}
