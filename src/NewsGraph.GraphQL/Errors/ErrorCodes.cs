namespace NewsGraph.GraphQL.Errors;

/// <summary>
/// The <c>extensions.code</c> values the toolkit itself emits. Hot Chocolate's codes are reused
/// where the meaning is the same (HC00xx); docs/errors.md lists every code with its HTTP status.
/// </summary>
public static class ErrorCodes
{
    // Transport (GraphQL over HTTP)
    public const string JsonInvalid = "JSON_INVALID";
    public const string RequestInvalid = "REQUEST_INVALID";
    public const string QueryMissing = "QUERY_MISSING";
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string OperationNotAllowed = "OPERATION_NOT_ALLOWED";

    // Streaming (WebSocket, server-sent events)
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
    public const string AuthNotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    // Limits
    public const string ParserDepthExceeded = "PARSER_DEPTH_EXCEEDED";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    public const string IntrospectionDepthExceeded = "HC0086";
    public const string IntrospectionNotAllowed = "HC0046";
    public const string Timeout = "HC0045";

    // Anything we did not expect: the details stay in the server log.
    public const string UnexpectedExecutionError = "UNEXPECTED_EXECUTION_ERROR";
}
