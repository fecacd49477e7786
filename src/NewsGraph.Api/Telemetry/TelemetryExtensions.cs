using Microsoft.Extensions.Logging.Console;
using Npgsql;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsGraph.Api.Telemetry;

public static class TelemetryExtensions
{
    private static readonly string[] OtlpSettings =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    /// <summary>
    /// Logs as JSON lines outside Development, each with its trace and span ids; and, when configured
    /// (<see cref="TelemetryOptions"/>), OpenTelemetry: traces of HTTP requests, GraphQL operations
    /// and their phases, DataLoader batches and SQL commands, and metrics of operations, errors,
    /// WebSockets, subscriptions, DataLoader batches, feedback and imports.
    /// </summary>
    public static WebApplicationBuilder AddNewsTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var configuration = builder.Configuration;
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName));
        var otlp = OtlpSettings.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
        var prometheus = !string.IsNullOrWhiteSpace(options.PrometheusEndpoint);
        if (!options.Enabled && !otlp && !prometheus)
            return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "newsgraph"))
            .WithTracing(tracing => tracing
                .AddSource(GraphQLTelemetry.Name)
                .AddAspNetCoreInstrumentation(http => http.Filter = context => !IsProbe(context.Request.Path))
                .AddSqlCommands(configuration))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GraphQLTelemetry.Name, NewsMetrics.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation();
                if (prometheus)
                    metrics.AddPrometheusExporter();
            });
        if (otlp)
            telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, when configured.</summary>
    public static WebApplication MapNewsTelemetry(this WebApplication app)
    {
        var endpoint = app.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>()?.PrometheusEndpoint;
        if (!string.IsNullOrWhiteSpace(endpoint))
            app.MapPrometheusScrapingEndpoint(endpoint);
        return app;
    }

    /// <summary>
    /// One span a SQL command, from the instrumentation of the provider in use only. EF Core's builds
    /// an event payload for every command, connection and data reader event it subscribes to, even
    /// for commands its filter then drops: on PostgreSQL, where Npgsql traces the commands itself,
    /// that was about 4 KB allocated per request for nothing (docs/benchmarks.md).
    /// </summary>
    private static TracerProviderBuilder AddSqlCommands(this TracerProviderBuilder tracing, ConfigurationManager configuration)
    {
        var provider = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        return provider == DatabaseProvider.PostgreSQL
            ? tracing.AddNpgsql()
            : tracing.AddEntityFrameworkCoreInstrumentation();
    }

    /// <summary>Health probes every few seconds would drown the traces that matter.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
