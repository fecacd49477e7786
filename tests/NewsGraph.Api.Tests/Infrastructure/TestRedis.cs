namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// Whether the application tests run with Redis as the instances' shared bus and rate limit: when
/// <c>NEWSGRAPH_TEST_REDIS</c> names a server (<c>.ci/services.sh start</c> prints it; <c>.ci/run</c>
/// sets it for the PostgreSQL run), every test application uses it, with keys and channels of its
/// own folder, so two applications on one folder are two instances of one deployment.
/// </summary>
public static class TestRedis
{
    public static string? Configuration { get; } = Environment.GetEnvironmentVariable("NEWSGRAPH_TEST_REDIS") is { Length: > 0 } value
        ? value + Patience
        : null;

    /// <summary>
    /// The application gives Redis 2 s to connect and 1 s per command, to fail fast in production; the
    /// suite runs tests side by side on two cores, where a connect or a subscribe can take longer, and a
    /// subscription refused for it left a test waiting for a subscriber that never came. Tests about
    /// Redis being away set a configuration of their own.
    /// </summary>
    private const string Patience = ",connectTimeout=10000,syncTimeout=5000,asyncTimeout=5000";

    public static bool IsOn => Configuration is not null;

    /// <summary>The key prefix of the deployment in <paramref name="folder"/>.</summary>
    public static string KeyPrefixFor(string folder) => $"newsgraph-test:{Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}:";
}
