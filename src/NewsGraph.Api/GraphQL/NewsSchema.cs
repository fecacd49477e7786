using GraphQL.Types;

namespace NewsGraph.Api.GraphQL;

public sealed class NewsSchema : Schema
{
    public NewsSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation, SubscriptionGraphType subscription)
        : base(services)
    {
        Description = "NewsGraph: wire stories, the people they name, their photos and reader feedback.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
