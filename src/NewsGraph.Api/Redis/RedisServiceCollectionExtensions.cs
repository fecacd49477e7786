using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Health;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.PersistedOperations;
using StackExchange.Redis;

namespace NewsGraph.Api.Redis;

public static partial class RedisServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Redis:Configuration</c> set, what several instances must share goes through Redis:
    /// subscription events (<see cref="RedisEventBus"/>), the feedback rate limit
    /// (<see cref="RedisFixedWindow"/>) and automatic persisted queries; <c>/readyz</c> reports it. Unset, nothing is registered and
    /// both stay in process.
    /// </summary>
    public static IServiceCollection AddNewsRedis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.SectionName));
        var configurationString = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>()?.Configuration;
        if (string.IsNullOrWhiteSpace(configurationString))
            return services;

        services.AddSingleton<IConnectionMultiplexer>(sp => Connect(configurationString, sp.GetRequiredService<ILoggerFactory>().CreateLogger("NewsGraph.Redis")));
        services.RemoveAll<IEventBus>();
        services.AddSingleton<IEventBus>(sp => new RedisEventBus(
            sp.GetRequiredService<IConnectionMultiplexer>(), KeyPrefix(sp) + "events:", sp.GetRequiredService<ILogger<RedisEventBus>>()));
        services.AddSingleton(sp => new RedisFixedWindow(sp.GetRequiredService<IConnectionMultiplexer>(), KeyPrefix(sp)));
        services.RemoveAll<IAutomaticPersistedQueryStore>();
        services.AddSingleton<IAutomaticPersistedQueryStore>(sp => new RedisAutomaticPersistedQueryStore(
            sp.GetRequiredService<IConnectionMultiplexer>(), KeyPrefix(sp) + "apq:", sp.GetRequiredService<InMemoryAutomaticPersistedQueryStore>()));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, [HealthTags.Ready]);
        return services;
    }

    private static string KeyPrefix(IServiceProvider services) => services.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix;

    /// <summary>
    /// Connects without waiting for Redis to answer: an instance starts, serves and reconnects by
    /// itself while Redis is away. Commands fail at once while it is (no backlog), and give up after
    /// a second otherwise, unless the configuration string says otherwise.
    /// </summary>
    private static ConnectionMultiplexer Connect(string configurationString, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(configurationString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        if (!Says(configurationString, "connectTimeout"))
            options.ConnectTimeout = 2000;
        if (!Says(configurationString, "asyncTimeout"))
            options.AsyncTimeout = 1000;
        if (!Says(configurationString, "syncTimeout"))
            options.SyncTimeout = 1000;
        var redis = ConnectionMultiplexer.Connect(options);
        redis.ConnectionFailed += (_, e) => LogConnectionFailed(logger, e.ConnectionType, e.EndPoint, e.FailureType);
        redis.ConnectionRestored += (_, e) => LogConnectionRestored(logger, e.ConnectionType, e.EndPoint);
        return redis;
    }

    private static bool Says(string configurationString, string option)
        => configurationString.Contains(option + "=", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis {Connection} connection to {EndPoint} failed ({Failure}); reconnecting")]
    private static partial void LogConnectionFailed(ILogger logger, ConnectionType connection, System.Net.EndPoint? endPoint, ConnectionFailureType failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis {Connection} connection to {EndPoint} restored")]
    private static partial void LogConnectionRestored(ILogger logger, ConnectionType connection, System.Net.EndPoint? endPoint);
}
