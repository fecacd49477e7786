using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.Errors;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.PersistedOperations;
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
            CachedDocumentValidationRules = [allowed],
        };
        pacer?.AttachTo(options.UserContext);
        ResponseKeys.AttachTo(options.UserContext);
        CostReporting.SetMode(options.UserContext, costMode);
        return options;
    }

    /// <summary>
    /// Puts the document a request names (a trusted document's id, an automatic persisted query's
    /// hash) into it; without trusted documents, a request must bring its query.
    /// </summary>
    public static async ValueTask<(TransportError? Error, Dictionary<string, object?>? Extensions)> ResolveDocumentAsync(
        TrustedDocuments? trustedDocuments, GraphQLRequest? request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request is null)
            return (null, null);
        if (trustedDocuments is not null)
            return await trustedDocuments.ResolveAsync(request, user, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(request.Query)
            ? (new TransportError(400, ErrorCodes.QueryMissing, "The request has no `query`; this server keeps no trusted documents."), null)
            : (null, null);
    }

    public static bool IsSubscription(ExecutionResult result)
        => result.Operation?.Operation == GraphQLParser.AST.OperationType.Subscription;
}
