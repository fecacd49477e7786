using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace NewsGraph.GraphQL.Errors;

/// <summary>
/// Writes errors the way clients can rely on: every error has <c>extensions.code</c>; errors we
/// did not expect (a resolver's exception, a database failure) become "Unexpected Execution Error"
/// with code UNEXPECTED_EXECUTION_ERROR, so no exception type, message or stack trace leaks.
/// With <see cref="MaskingErrorInfoProviderOptions.ExposeExceptionDetails"/> (Development) the
/// exception is added under <c>extensions.details</c>.
/// </summary>
public sealed class MaskingErrorInfoProvider : IErrorInfoProvider
{
    public const string UnexpectedMessage = "Unexpected Execution Error";

    private readonly bool _exposeDetails;
    private readonly TimeSpan _timeout;

    public MaskingErrorInfoProvider(MaskingErrorInfoProviderOptions options)
    {
        _exposeDetails = options.ExposeExceptionDetails;
        _timeout = options.ExecutionTimeout;
    }

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var extensions = new Dictionary<string, object?>();
        string message;
        if (executionError is TimeoutError)
        {
            message = $"The request exceeded the configured timeout of `{_timeout:c}`.";
            extensions["code"] = ErrorCodes.Timeout;
        }
        else if (IsUnexpected(executionError))
        {
            message = UnexpectedMessage;
            extensions["code"] = ErrorCodes.UnexpectedExecutionError;
            if (_exposeDetails)
                extensions["details"] = (executionError.InnerException ?? executionError).ToString();
        }
        else
        {
            message = executionError.Message;
            extensions["code"] = executionError.Code ?? "GRAPHQL_ERROR";
            if (executionError.Extensions is { Count: > 0 } own)
            {
                foreach (var (key, value) in own)
                    extensions[key] = value;
            }
        }
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    /// <summary>
    /// Errors raised on purpose (validation, request and coded execution errors) keep their message;
    /// anything whose code GraphQL.NET derived from an arbitrary exception's type is masked.
    /// </summary>
    public static bool IsUnexpected(ExecutionError error) => error switch
    {
        UnhandledError => true,
        ValidationError or RequestError or DocumentError or TransportError => false,
        { InnerException: { } inner } => error.Code == ErrorInfoProvider.GetErrorCode(inner),
        _ => false,
    };
}

public sealed class MaskingErrorInfoProviderOptions
{
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>Named in the timeout error's message.</summary>
    public TimeSpan ExecutionTimeout { get; set; }
}
