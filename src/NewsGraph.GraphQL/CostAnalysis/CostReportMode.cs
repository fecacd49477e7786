namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>What a request's <c>GraphQL-Cost</c> header asks for.</summary>
public enum CostReportMode
{
    /// <summary>No header: enforce the limits, report nothing.</summary>
    None,

    /// <summary><c>report</c>: execute, and add <c>extensions.operationCost</c>.</summary>
    Report,

    /// <summary><c>validate</c>: compute the cost and answer with it alone, without executing (HTTP 200).</summary>
    Validate,
}
