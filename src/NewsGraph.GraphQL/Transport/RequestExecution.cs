using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Transport;

/// <summary>The execution options every transport builds a request into.</summary>
internal static class RequestExecution
{
    private static readonly Dictionary<AllowedOperationsRule, IValidationRule[]> RuleSets = new[]
    {
        AllowedOperationsRule.Get, AllowedOperationsRule.Post, AllowedOperationsRule.Streaming, AllowedOperationsRule.GetStreaming,
    }.ToDictionary(rule => rule, rule => (IValidationRule[])[.. DocumentValidator.CoreRules, rule]);

    /// <param name="allowed">Which operation kinds the transport carries; checked on cached documents too.</param>
    /// <param name="pacer">Paces a subscription's events to what the transport has sent.</param>
    public static ExecutionOptions Options(
        GraphQLRequest request, ClaimsPrincipal user, IServiceProvider services, AllowedOperationsRule allowed,
        CancellationToken cancellationToken, StreamPacer? pacer = null)
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
            CachedDocumentValidationRules = [allowed],
        };
        pacer?.AttachTo(options.UserContext);
        return options;
    }

    public static bool IsSubscription(ExecutionResult result)
        => result.Operation?.Operation == GraphQLParser.AST.OperationType.Subscription;
}
