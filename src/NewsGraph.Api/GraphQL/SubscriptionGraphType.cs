using GraphQL.Types;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;

namespace NewsGraph.Api.GraphQL;

/// <summary>The subscription root, composed from the features.</summary>
public sealed class SubscriptionGraphType : ObjectGraphType
{
    public SubscriptionGraphType()
    {
        Name = "Subscription";
        this.AddArticleSubscriptions();
        this.AddFeedbackSubscriptions();
    }
}
