namespace NewsGraph.GraphQL.Errors;

/// <summary>
/// An error that asks for a particular HTTP status when it stops a request before execution
/// (for example 405 for a mutation sent with GET). Used only with application/graphql-response+json.
/// </summary>
public interface IHasStatusCode
{
    int StatusCode { get; }
}
