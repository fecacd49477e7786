using System.Text.Encodings.Web;
using GraphQL;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.Api.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// The GraphQL engine: the schema (whose root types the features compose), the toolkit's types,
    /// request limits, caching, authorization, subscriptions and error masking, and CORS for browsers.
    /// The features register what their fields need themselves (<c>AddArticles()</c>...).
    /// </summary>
    public static IServiceCollection AddNewsGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddGraphQLServerOptions(configuration);
        // On PostgreSQL each DataLoader fetch is a round trip: a level's batches go out together.
        if (configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider == DatabaseProvider.PostgreSQL)
            services.PostConfigure<GraphQLServerOptions>(o => o.StartBatchesTogether ??= true);
        services.AddHttpCaching(configuration);
        // Readers see what anonymous callers see, so each role's answers can be kept for that role;
        // editors' are never kept: they see drafts, whose edits purge nothing.
        services.Configure<ResponseCacheOptions>(o => o.Partition = user => user.Identity?.IsAuthenticated != true ? "anonymous"
            : user.IsEditor() ? null
            : user.IsInRole(Roles.Reader) ? Roles.Reader
            : null);
        // Trusted documents from the configured folder, then from the database every instance shares.
        services.AddTrustedDocuments(configuration);
        services.AddSingleton<DbContextOperationDocumentStore<NewsDbContext>>();
        services.AddSingleton<IOperationDocumentStore>(sp => sp.GetRequiredService<DbContextOperationDocumentStore<NewsDbContext>>());
        // Browser front ends on other origins, listed in Cors:AllowedOrigins; none by default.
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(GraphQLApplicationExtensions.CorsPolicyName, policy =>
            policy.WithOrigins(origins).WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization", "Accept", "GraphQL-Cost", "If-None-Match")));

        services.AddGraphQL(graphql => graphql
            .AddSchema<NewsSchema>()
            .AddGraphTypes(typeof(NewsSchema).Assembly)
            .AddToolkitTypes()
            // Variables are read as deep as request bodies are (128 levels), not 64: deeper ones were refused as "not an object".
            .AddSystemTextJson(json =>
            {
                json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                json.MaxDepth = 128;
            })
            .AddRequestLimits()
            .AddCacheControl()
            .AddDocumentCache()
            .AddQueryExecutionStrategy()
            .AddFieldAuthorization()
            .AddSubscriptions()
            .AddOperationTelemetry()
            .AddErrorMasking(developmentDefault: environment.IsDevelopment()));
        return services;
    }
}
