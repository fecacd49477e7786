using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Ide;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.GraphQL.Transport;

public static class GraphQLEndpointExtensions
{
    /// <summary>
    /// Binds <see cref="GraphQLServerOptions"/>, <see cref="PagingOptions"/> and <see cref="BananaCakePopOptions"/>
    /// from configuration, and registers what the HTTP transport shares between requests.
    /// </summary>
    public static IServiceCollection AddGraphQLServerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(typeof(IdenticalQueries<>));
        services.AddOptions<GraphQLServerOptions>().Bind(configuration.GetSection(GraphQLServerOptions.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0 && o.MaxDepth > 0 && o.MaxParserDepth > 0 && o.MaxFieldsPerDocument > 0
                           && o.MaxDirectivesPerLocation > 0 && o.MaxFragmentVisits > 0 && o.MaxFieldMergeComparisons > 0
                           && o.MaxCoordinateCycleDepth > 0 && o.MaxIntrospectionOfTypeDepth > 0 && o.MaxIntrospectionFields > 0
                           && o.DocumentCacheSize > 0 && o.ExecutionTimeout > TimeSpan.Zero, "GraphQL limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<CostOptions>().Bind(configuration.GetSection(CostOptions.SectionName))
            .Validate(o => o.MaxFieldCost > 0 && o.MaxTypeCost > 0 && o.DefaultResolverCost >= 0 && o.DefaultFilterCost >= 0
                           && o.DefaultExpensiveFilterCost >= 0 && o.DefaultSortCost >= 0, "Cost limits must be positive and weights not negative.")
            .ValidateOnStart();
        services.AddOptions<BananaCakePopOptions>().Bind(configuration.GetSection(BananaCakePopOptions.SectionName));
        services.AddOptions<PagingOptions>().Bind(configuration.GetSection(PagingOptions.SectionName))
            .Validate(o => o.DefaultPageSize > 0 && o.MaxPageSize >= o.DefaultPageSize && o.MaxNodeBatchSize > 0, "Paging sizes must be positive.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Serves GraphQL over HTTP at <paramref name="pattern"/> (every method; others get 405).</summary>
    public static IEndpointConventionBuilder MapGraphQL<TSchema>(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
        where TSchema : ISchema
    {
        var handler = ActivatorUtilities.CreateInstance<GraphQLHttpHandler<TSchema>>(endpoints.ServiceProvider);
        return endpoints.Map(pattern, handler.HandleAsync).WithDisplayName("GraphQL");
    }
}
