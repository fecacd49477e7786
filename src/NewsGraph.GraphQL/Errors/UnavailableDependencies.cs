using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Errors;

/// <summary>Asks the registered <see cref="IUnavailableDependencyDetector"/>s about an exception.</summary>
public static class UnavailableDependencies
{
    /// <summary>The error of the first detector that recognises <paramref name="exception"/>, or null.</summary>
    public static ServiceUnavailableError? Detect(IServiceProvider? services, Exception exception)
        => Detect(services?.GetServices<IUnavailableDependencyDetector>() ?? [], exception);

    /// <inheritdoc cref="Detect(IServiceProvider?, Exception)"/>
    public static ServiceUnavailableError? Detect(IEnumerable<IUnavailableDependencyDetector> detectors, Exception exception)
    {
        foreach (var detector in detectors)
        {
            if (detector.Detect(exception) is { } error)
                return error;
        }
        return null;
    }
}
