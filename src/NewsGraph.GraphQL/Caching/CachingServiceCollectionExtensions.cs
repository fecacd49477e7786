using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Purging;

namespace NewsGraph.GraphQL.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// <c>@cacheControl</c> in the schema (with <see cref="CacheControlOptions"/>' defaults applied)
    /// and the fields' response keys (<see cref="ResponseKeyExtensions"/>).
    /// </summary>
    public static IGraphQLBuilder AddCacheControl(this IGraphQLBuilder builder)
    {
        builder.ConfigureSchema((schema, sp) =>
        {
            schema.Directives.Register(new CacheControlDirective());
            schema.RegisterVisitor(new CacheControlDefaults(sp.GetRequiredService<IOptions<CacheControlOptions>>().Value));
            schema.RegisterVisitor(new ResponseKeysVisitor());
        });
        return builder;
    }

    /// <summary>
    /// Binds <see cref="CacheControlOptions"/>, <see cref="ResponseCacheOptions"/> and
    /// <see cref="CachePurgeOptions"/>; registers the <see cref="CachePurger"/> and, when enabled,
    /// the <see cref="ResponseCache"/> with the service that purges it for other instances' changes.
    /// </summary>
    public static IServiceCollection AddHttpCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CacheControlOptions>().Bind(configuration.GetSection(CacheControlOptions.SectionName))
            .Validate(o => o.DefaultMaxAge >= 0 && o.DefaultSharedMaxAge is null or >= 0 && o.MaxKeyHeaderLength > 0, "Cache ages must not be negative.")
            .ValidateOnStart();
        services.AddOptions<ResponseCacheOptions>().Bind(configuration.GetSection(ResponseCacheOptions.SectionName))
            .Validate(o => o.MaxEntries > 0 && o.MaxEntryBytes > 0, "Response cache sizes must be positive.")
            .ValidateOnStart();
        services.AddOptions<CachePurgeOptions>().Bind(configuration.GetSection(CachePurgeOptions.SectionName))
            .Validate(o => o.MaxAttempts > 0 && o.RetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay && o.Timeout > TimeSpan.Zero
                           && o.Targets.All(t => t.Url is { IsAbsoluteUri: true } && t.MaxKeysPerRequest > 0 && !string.IsNullOrWhiteSpace(t.KeyHeader)),
                "CachePurge: every target needs an absolute Url; attempts, delays, timeouts and batch sizes must be positive.")
            .ValidateOnStart();
        services.AddHttpClient(CachePurger.HttpClientName);
        services.TryAddSingleton<CachePurger>();
        if (configuration.GetSection(ResponseCacheOptions.SectionName).GetValue<bool>(nameof(ResponseCacheOptions.Enabled)))
        {
            services.TryAddSingleton<ResponseCache>();
            services.AddHostedService<ResponseCacheInvalidation>();
        }
        return services;
    }
}
