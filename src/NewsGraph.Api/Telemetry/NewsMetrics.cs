using System.Diagnostics.Metrics;

namespace NewsGraph.Api.Telemetry;

/// <summary>The application's own metrics (the toolkit's are in <c>NewsGraph.GraphQL</c>): feedback and imports.</summary>
public static class NewsMetrics
{
    public const string Name = "NewsGraph";

    private static readonly Meter Meter = new(Name);

    /// <summary>Feedback submissions by outcome: <c>accepted</c>, <c>rate_limited</c>, <c>invalid</c>, <c>not_found</c>, <c>honeypot</c>.</summary>
    public static readonly Counter<long> FeedbackSubmissions = Meter.CreateCounter<long>(
        "newsgraph.feedback.submissions", "{submission}", "Reader feedback submissions, by outcome.");

    /// <summary>Rows written by imports, by kind (<c>articles</c>, <c>images</c>...); their rate is rows per second.</summary>
    public static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>(
        "newsgraph.import.rows", "{row}", "Rows written by wire and bulk imports, by kind.");

    public static void Feedback(string outcome) => FeedbackSubmissions.Add(1, new KeyValuePair<string, object?>("newsgraph.feedback.outcome", outcome));

    public static void Imported(string kind, long rows) => ImportedRows.Add(rows, new KeyValuePair<string, object?>("newsgraph.import.kind", kind));
}
