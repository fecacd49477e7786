using GraphQL;
using NewsGraph.Api.Auth;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Reader feedback: the form's texts, the limits, the rate limiter, the group-commit inbox, the DataLoader and the <c>node</c> lookup (editors only).</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackFormOptions>().Bind(configuration.GetSection(FeedbackFormOptions.SectionName));
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.SectionName))
            .Validate(o => o.MaxMessageLength > 0 && o.RateLimitPermits > 0 && o.RateLimitWindow > TimeSpan.Zero, "Feedback limits must be positive.");
        // The rate limit knows an anonymous reader by the remote address.
        services.AddHttpContextAccessor();
        services.AddSingleton<FeedbackRateLimiter>();
        services.AddSingleton<FeedbackInbox>();
        services.AddScoped<FeedbackByIdDataLoader>();
        services.AddSingleton(new NodeResolver(FeedbackErrors.Feedback.TypeName, (ctx, id) =>
        {
            FieldAuthorization.Demand(ctx.User, Roles.Editors);
            return ctx.DataLoader<FeedbackByIdDataLoader>().LoadAsync(id).Then(f => (object?)f);
        }));
        return services;
    }
}
