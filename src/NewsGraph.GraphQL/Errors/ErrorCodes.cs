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

    // Trusted documents and automatic persisted queries
    public const string PersistedOperationNotFound = "HC0020";
    public const string OnlyTrustedDocuments = "HC0067";

    // Streaming (WebSocket, server-sent events)
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
    public const string AuthNotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string SubscriptionsUnavailable = "SUBSCRIPTIONS_UNAVAILABLE";

    // Limits
    public const string ParserDepthExceeded = "PARSER_DEPTH_EXCEEDED";
    public const string MaxFieldsExceeded = "MAX_FIELDS_EXCEEDED";
    public const string MaxDirectivesPerLocationExceeded = "MAX_DIRECTIVES_PER_LOCATION_EXCEEDED";
    public const string MaxFragmentVisitsExceeded = "MAX_FRAGMENT_VISITS_EXCEEDED";
    public const string NoFragmentCycles = "NO_FRAGMENT_CYCLES"; // the spec rule's own code, found before the other rules run
    public const string MaxFieldMergeComparisonsExceeded = "HC0107";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string CoordinateCycleDepthExceeded = "HC0087";
    public const string CostExceeded = "HC0047";
    public const string IntrospectionDepthExceeded = "HC0086";
    public const string MaxIntrospectionFieldsExceeded = "MAX_INTROSPECTION_FIELDS_EXCEEDED";
    public const string IntrospectionNotAllowed = "HC0046";
    public const string Timeout = "HC0045";

    // Anything we did not expect: the details stay in the server log.
    public const string UnexpectedExecutionError = "UNEXPECTED_EXECUTION_ERROR";
}
