using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.Logging;

namespace NewsGraph.GraphQL.Errors;

/// <summary>
/// What happens to an exception no resolver expected: one a detector recognises becomes its
/// <see cref="ServiceUnavailableError"/> (503, with a code) and is logged as a warning; anything
/// else is logged as an error and masked (<see cref="MaskingErrorInfoProvider"/>).
/// </summary>
/// <remarks>
/// A singleton with its detectors and logger taken once from the application's services: an event
/// stream's error arrives after the request's service scope has ended, when that scope can no
/// longer give out anything.
/// </remarks>
public sealed partial class UnhandledErrors(IEnumerable<IUnavailableDependencyDetector> detectors, ILoggerFactory loggers) : IConfigureExecution
{
    private readonly IUnavailableDependencyDetector[] _detectors = [.. detectors];
    private readonly ILogger _logger = loggers.CreateLogger("NewsGraph.GraphQL");

    public float SortOrder => 100;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        options.UnhandledExceptionDelegate = Handle;
        return next(options);
    }

    private Task Handle(UnhandledExceptionContext context)
    {
        var field = context.FieldContext?.FieldDefinition.Name ?? "(document)";
        if (context.OriginalException is ServiceUnavailableError coded)
        {
            LogUnavailable(_logger, coded.Code, field, coded.Message);
            return Task.CompletedTask;
        }
        if (UnavailableDependencies.Detect(_detectors, context.OriginalException) is { } unavailable)
        {
            context.Exception = unavailable;
            LogUnavailable(_logger, unavailable.Code, field, context.OriginalException.Message);
            return Task.CompletedTask;
        }
        LogUnexpectedError(_logger, context.OriginalException, field);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Code} in GraphQL field {Field}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string? code, string field, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in GraphQL field {Field}")]
    private static partial void LogUnexpectedError(ILogger logger, Exception exception, string field);
}
