using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Transport;

public static class GraphQLStatusCodes
{
    /// <summary>
    /// application/json: 200 whatever happened, except where an error asks for a method status.
    /// application/graphql-response+json: 200 once execution started; a request that failed before
    /// (parse, validation, variables, limits) gets the status its errors ask for, else 400; a
    /// timeout gets 503. A result that did not execute and has no errors (a cost validated and not
    /// executed) is 200. A request that met an unreachable dependency is 503, with either media type.
    /// </summary>
    public static int For(ExecutionResult result, string mediaType)
    {
        var errors = result.Errors;
        // A dependency the request needed is away, whatever else happened: retry later.
        if (errors?.Any(e => e is ServiceUnavailableError) == true)
            return StatusCodes.Status503ServiceUnavailable;
        if (result.Executed || errors is not { Count: > 0 })
            return StatusCodes.Status200OK;
        if (errors is { Count: > 0 } && errors.All(e => e is IHasStatusCode) &&
            errors.Select(e => ((IHasStatusCode)e).StatusCode).Distinct().Count() == 1)
        {
            var status = ((IHasStatusCode)errors[0]).StatusCode;
            if (status == StatusCodes.Status405MethodNotAllowed || mediaType == MediaTypes.GraphQLResponse)
                return status;
        }
        if (mediaType == MediaTypes.Json)
            return StatusCodes.Status200OK;
        if (errors?.Any(e => e is TimeoutError) == true)
            return StatusCodes.Status503ServiceUnavailable;
        return StatusCodes.Status400BadRequest;
    }
}
