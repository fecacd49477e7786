namespace NewsGraph.GraphQL.Errors;

/// <summary>
/// Tells exceptions that mean "a dependency is unreachable" from bugs, for the application's own
/// dependencies (the toolkit cannot know its database's exceptions). Registered as services; an
/// exception one of them recognises becomes its <see cref="ServiceUnavailableError"/> instead of
/// "Unexpected Execution Error".
/// </summary>
public interface IUnavailableDependencyDetector
{
    ServiceUnavailableError? Detect(Exception exception);
}
