using System.Text.Encodings.Web;
using GraphQL;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;
using NewsGraph.Api.Auth;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.Api.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddNewsGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddGraphQLServerOptions(configuration);
        services.AddTrustedDocuments(configuration);
        services.AddOptions<FeedbackFormOptions>().Bind(configuration.GetSection(FeedbackFormOptions.SectionName));
        // Browser front ends on other origins, listed in Cors:AllowedOrigins; none by default.
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(GraphQLApplicationExtensions.CorsPolicyName, policy =>
            policy.WithOrigins(origins).WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization", "Accept", "GraphQL-Cost")));

        services.AddGraphQL(graphql => graphql
            .AddSchema<NewsSchema>()
            .AddGraphTypes(typeof(NewsSchema).Assembly)
            .AddToolkitTypes()
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddRequestLimits()
            .AddDocumentCache()
            .AddQueryExecutionStrategy()
            .AddFieldAuthorization()
            .AddSubscriptions()
            .AddErrorMasking(developmentDefault: environment.IsDevelopment()));

        services.AddSingleton<SectionCatalog>();
        services.AddScoped<SectionByIdDataLoader>();
        services.AddScoped<BylinesByArticleIdDataLoader>();
        services.AddScoped<ArticleByIdDataLoader>();
        services.AddScoped<PersonByIdDataLoader>();
        services.AddScoped<ImageByIdDataLoader>();
        services.AddScoped<CorrectionsByArticleIdDataLoader>();
        services.AddScoped<RevisionsByArticleIdDataLoader>();
        services.AddScoped<LeadImageByArticleIdDataLoader>();
        services.AddScoped<MoreFromSectionDataLoader>();
        services.AddScoped<FeedbackByIdDataLoader>();

        services.AddSingleton(new NodeResolver("Article", (ctx, id) => ArticleVisibility.Load(ctx, id).Then(a => (object?)a)));
        services.AddSingleton(new NodeResolver("Person", (ctx, id) => ctx.DataLoader<PersonByIdDataLoader>().LoadAsync(id).Then(p => (object?)p)));
        services.AddSingleton(new NodeResolver("Image", (ctx, id) => ctx.DataLoader<ImageByIdDataLoader>().LoadAsync(id).Then(i => (object?)i)));
        services.AddSingleton(new NodeResolver("Feedback", (ctx, id) =>
        {
            FieldAuthorization.Demand(ctx.User, Roles.Editors);
            return ctx.DataLoader<FeedbackByIdDataLoader>().LoadAsync(id).Then(f => (object?)f);
        }));

        // Mutations and what they need.
        services.AddHttpContextAccessor();
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.SectionName))
            .Validate(o => o.MaxMessageLength > 0 && o.RateLimitPermits > 0 && o.RateLimitWindow > TimeSpan.Zero, "Feedback limits must be positive.");
        services.AddOptions<NewsroomOptions>().Bind(configuration.GetSection(NewsroomOptions.SectionName))
            .Validate(o => o.EmbargoCheckInterval > TimeSpan.Zero && o.UtcOffset.Duration() <= TimeSpan.FromHours(14), "Newsroom settings are out of range.");
        services.AddSingleton<FeedbackRateLimiter>();
        services.AddSingleton<FeedbackInbox>();
        services.AddSingleton<ArticleEditor>();
        services.AddSingleton<IConnectionAuthenticator, TokenAuthenticator>();
        services.AddHostedService<EmbargoLifter>();
        return services;
    }
}
