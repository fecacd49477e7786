namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// Whether the application tests run with Redis as the instances' shared bus and rate limit: when
/// <c>NEWSGRAPH_TEST_REDIS</c> names a server (<c>.ci/services.sh start</c> prints it; <c>.ci/run</c>
/// sets it for the PostgreSQL run), every test application uses it, with keys and channels of its
/// own folder, so two applications on one folder are two instances of one deployment.
/// </summary>
public static class TestRedis
{
    public static string? Configuration { get; } = Environment.GetEnvironmentVariable("NEWSGRAPH_TEST_REDIS") is { Length: > 0 } value ? value : null;

    public static bool IsOn => Configuration is not null;

    /// <summary>The key prefix of the deployment in <paramref name="folder"/>.</summary>
    public static string KeyPrefixFor(string folder) => $"newsgraph-test:{Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}:";
}
