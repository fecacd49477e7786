using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Transport;

/// <summary>The execution options every transport builds a request into.</summary>
internal static class RequestExecution
{
    private static readonly Dictionary<AllowedOperationsRule, IValidationRule[]> RuleSets = new[]
    {
        AllowedOperationsRule.Get, AllowedOperationsRule.Post, AllowedOperationsRule.Streaming, AllowedOperationsRule.GetStreaming,
    }.ToDictionary(rule => rule, rule => (IValidationRule[])[DeadlineRule.Instance, .. DocumentValidator.CoreRules, rule]);

    /// <param name="allowed">Which operation kinds the transport carries; checked on cached documents too.</param>
    /// <param name="pacer">Paces a subscription's events to what the transport has sent.</param>
    /// <param name="costMode">What the request's <c>GraphQL-Cost</c> header asks for.</param>
    public static ExecutionOptions Options(
        GraphQLRequest request, ClaimsPrincipal user, IServiceProvider services, AllowedOperationsRule allowed,
        CancellationToken cancellationToken, StreamPacer? pacer = null, CostReportMode costMode = CostReportMode.None)
    {
        var options = new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = user,
            CancellationToken = cancellationToken,
            ValidationRules = RuleSets[allowed],
            CachedDocumentValidationRules = [DeadlineRule.Instance, allowed],
        };
        pacer?.AttachTo(options.UserContext);
        CostReporting.SetMode(options.UserContext, costMode);
        return options;
    }

    public static bool IsSubscription(ExecutionResult result)
        => result.Operation?.Operation == GraphQLParser.AST.OperationType.Subscription;
}
