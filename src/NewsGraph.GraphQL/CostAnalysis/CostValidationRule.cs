using GraphQL.Validation;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>
/// Computes every operation's cost once its variables are known (so also for cached documents,
/// whose page sizes may come from variables) and refuses one over <see cref="CostOptions.MaxFieldCost"/>
/// or <see cref="CostOptions.MaxTypeCost"/> with HC0047, field cost first. The cost is kept for the
/// transport, which reports it when the request asks (<c>GraphQL-Cost: report</c> or <c>validate</c>).
/// </summary>
public sealed class CostValidationRule(CostOptions options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        var cost = new CostAnalyzer(context).Analyze();
        CostReporting.Keep(context.UserContext, cost);
        if (CostReporting.ModeOf(context.UserContext) == CostReportMode.Validate)
        {
            context.ReportError(new CostValidatedError());
            return default;
        }
        if (!options.EnforceCostLimits)
            return default;
        if (cost.FieldCost > options.MaxFieldCost)
        {
            context.ReportError(new CostExceededError("The maximum allowed field cost was exceeded.",
                new() { ["fieldCost"] = cost.FieldCost, ["maxFieldCost"] = options.MaxFieldCost }));
        }
        else if (cost.TypeCost > options.MaxTypeCost)
        {
            context.ReportError(new CostExceededError("The maximum allowed type cost was exceeded.",
                new() { ["typeCost"] = cost.TypeCost, ["maxTypeCost"] = options.MaxTypeCost }));
        }
        return default;
    }
}
