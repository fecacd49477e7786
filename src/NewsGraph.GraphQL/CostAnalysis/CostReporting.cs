using GraphQL;

namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>
/// Carries a request's <c>GraphQL-Cost</c> mode to <see cref="CostValidationRule"/> and the cost it
/// computed back to the transport, through the request's user context.
/// </summary>
public static class CostReporting
{
    public const string HeaderName = "GraphQL-Cost";

    private const string ModeKey = "NewsGraph.CostReportMode";
    private const string CostKey = "NewsGraph.OperationCost";

    /// <summary>The mode a <c>GraphQL-Cost</c> header value asks for (case-insensitive; anything else is none).</summary>
    public static CostReportMode Parse(string? header) => header?.Trim().ToUpperInvariant() switch
    {
        "REPORT" => CostReportMode.Report,
        "VALIDATE" => CostReportMode.Validate,
        _ => CostReportMode.None,
    };

    public static void SetMode(IDictionary<string, object?> userContext, CostReportMode mode)
    {
        if (mode != CostReportMode.None)
            userContext[ModeKey] = mode;
    }

    public static CostReportMode ModeOf(IDictionary<string, object?> userContext)
        => userContext.TryGetValue(ModeKey, out var mode) && mode is CostReportMode value ? value : CostReportMode.None;

    internal static void Keep(IDictionary<string, object?> userContext, OperationCost cost) => userContext[CostKey] = cost;

    /// <summary>
    /// The result to send: with <c>report</c>, <paramref name="result"/> with <c>extensions.operationCost</c>;
    /// with <c>validate</c>, the cost alone (nothing was executed), unless the request failed before its cost was known.
    /// </summary>
    public static ExecutionResult Apply(ExecutionResult result, IDictionary<string, object?> userContext)
    {
        var mode = ModeOf(userContext);
        if (mode == CostReportMode.None || !userContext.TryGetValue(CostKey, out var value) || value is not OperationCost cost)
            return result;
        var operationCost = new Dictionary<string, object?> { ["fieldCost"] = cost.FieldCost, ["typeCost"] = cost.TypeCost };
        if (mode == CostReportMode.Validate && result.Errors?.All(e => e is CostValidatedError) == true)
        {
            return new ExecutionResult { Extensions = new() { ["operationCost"] = operationCost } };
        }
        (result.Extensions ??= [])["operationCost"] = operationCost;
        return result;
    }
}
