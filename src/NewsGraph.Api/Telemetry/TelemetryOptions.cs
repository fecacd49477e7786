namespace NewsGraph.Api.Telemetry;

/// <summary>
/// The <c>Telemetry</c> configuration section. OpenTelemetry is off unless an exporter is configured:
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or a signal's own endpoint) turns on OTLP export
/// of traces and metrics, <see cref="PrometheusEndpoint"/> a scrape endpoint.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Collect traces and metrics even without an exporter configured here (one added in code, as the tests do).</summary>
    public bool Enabled { get; set; }

    /// <summary>A path (<c>/metrics</c>) where Prometheus may scrape the metrics; unset, none.</summary>
    public string? PrometheusEndpoint { get; set; }
}
