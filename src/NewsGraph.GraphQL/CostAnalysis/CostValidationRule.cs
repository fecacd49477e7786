using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>
/// Computes every operation's cost once its variables are known (so also for cached documents,
/// whose page sizes may come from variables) and refuses one over <see cref="CostOptions.MaxFieldCost"/>
/// or <see cref="CostOptions.MaxTypeCost"/> with HC0047, field cost first. The cost is kept for the
/// transport, which reports it when the request asks (<c>GraphQL-Cost: report</c> or <c>validate</c>).
/// An operation whose cost read no variable is not analysed again when its cached document comes
/// back (an article page by its <c>$slug</c>): see <see cref="DependsOnTheDocumentOnly"/>.
/// </summary>
public sealed class CostValidationRule(CostOptions options) : ValidationRuleBase
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, OperationCost> _fixed = [];

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (!_fixed.TryGetValue(context.Operation, out var cost))
        {
            var analyzer = new CostAnalyzer(context);
            cost = analyzer.Analyze();
            if (DependsOnTheDocumentOnly(analyzer, context))
                _fixed.AddOrUpdate(context.Operation, cost);
        }
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

    /// <summary>
    /// The cost read no argument given as a variable and no <c>@skip</c>/<c>@include</c>, and every
    /// variable is a scalar or enum that is always there (non-null, or with a default): one nested in
    /// a literal input object then adds the same weights whatever its value. A list or input object
    /// variable could add items or fields; an optional one, when left out, would take its field's
    /// weight away.
    /// </summary>
    private static bool DependsOnTheDocumentOnly(CostAnalyzer analyzer, ValidationContext context)
    {
        if (analyzer.ReadVariables)
            return false;
        foreach (var variable in context.Operation.Variables?.Items ?? [])
        {
            if (variable.Type is not GraphQLNonNullType && variable.DefaultValue is null)
                return false;
            var type = variable.Type is GraphQLNonNullType nonNull ? nonNull.Type : variable.Type;
            if (type is not GraphQLNamedType named || context.Schema.AllTypes[named.Name.Value] is not (ScalarGraphType or EnumerationGraphType))
                return false;
        }
        return true;
    }
}
