using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using NewsGraph.GraphQL.Filtering;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>
/// Applies Hot Chocolate's default weights to the schema as <c>@cost</c> and <c>@listSize</c>, so
/// the printed schema says what the analysis counts: root fields, connections, <c>totalCount</c>
/// and fields marked with <c>ResolverCost()</c> cost a resolver each;
/// <c>where</c> and <c>order</c>, their operations and sort fields cost the filter and sort weights
/// (the string operations an index cannot serve cost more); connections are sized by
/// <c>first</c>/<c>last</c>, assuming the largest page. Weights a field already declares stay.
/// </summary>
public sealed class CostDefaults(CostOptions cost, PagingOptions paging) : BaseSchemaNodeVisitor
{
    private static readonly HashSet<string> ExpensiveStringOperations =
        ["contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];

    private static readonly string[] ConnectionSlicingArguments = ["first", "last"];
    private static readonly string[] ConnectionSizedFields = ["edges", "nodes"];

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema) => Visit(field, type, schema);

    public override void VisitInterfaceFieldDefinition(FieldType field, IInterfaceGraphType type, ISchema schema) => Visit(field, type, schema);

    public override void VisitObjectFieldArgumentDefinition(QueryArgument argument, FieldType field, IObjectGraphType type, ISchema schema)
        => Visit(argument);

    public override void VisitInterfaceFieldArgumentDefinition(QueryArgument argument, FieldType field, IInterfaceGraphType type, ISchema schema)
        => Visit(argument);

    public override void VisitInputObjectFieldDefinition(FieldType field, IInputObjectGraphType type, ISchema schema)
    {
        if (field.HasAppliedDirectives() && field.FindAppliedDirective(CostDirective.DirectiveName) is not null)
            return;
        var weight = type switch
        {
            StringOperationFilterInputType when field.Name is "and" or "or" => (double?)null,
            StringOperationFilterInputType => ExpensiveStringOperations.Contains(field.Name) ? cost.DefaultExpensiveFilterCost : cost.DefaultFilterCost,
            OperationFilterInputType or IListFilterInputType => cost.DefaultFilterCost,
            ISortInputType when field.ResolvedType?.GetNamedType() is SortEnumGraphType => cost.DefaultSortCost,
            _ => null,
        };
        if (weight is { } w)
            field.ApplyDirective(CostDirective.DirectiveName, "weight", Format(w));
    }

    private void Visit(FieldType field, IComplexGraphType type, ISchema schema)
    {
        if (field.Name.StartsWith("__", StringComparison.Ordinal) || field.FindAppliedDirective(CostDirective.DirectiveName) is not null)
            return;
        var isConnection = field.ResolvedType?.GetNamedType() is IConnectionGraphType;
        if (isConnection && field.FindAppliedDirective(ListSizeDirective.DirectiveName) is null)
        {
            field.ApplyDirective(ListSizeDirective.DirectiveName, directive =>
            {
                directive.AddArgument(new DirectiveArgument("assumedSize") { Value = paging.MaxPageSize });
                directive.AddArgument(new DirectiveArgument("slicingArguments") { Value = ConnectionSlicingArguments });
                directive.AddArgument(new DirectiveArgument("slicingArgumentDefaultValue") { Value = paging.DefaultPageSize });
                directive.AddArgument(new DirectiveArgument("sizedFields") { Value = ConnectionSizedFields });
                directive.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
            });
        }
        var isRoot = ReferenceEquals(type, schema.Query) || ReferenceEquals(type, schema.Mutation) || ReferenceEquals(type, schema.Subscription);
        var isTotalCount = type is IConnectionGraphType && field.Name == "totalCount";
        if (isRoot || isConnection || isTotalCount || field.GetMetadata<bool>(CostFieldExtensions.ResolverCostKey))
            field.ApplyDirective(CostDirective.DirectiveName, "weight", Format(cost.DefaultResolverCost));
    }

    private void Visit(QueryArgument argument)
    {
        if (argument.FindAppliedDirective(CostDirective.DirectiveName) is not null)
            return;
        var named = argument.ResolvedType?.GetNamedType();
        var weight = argument.Name switch
        {
            "where" when named is IFilterInputType => cost.DefaultFilterCost,
            "order" when named is ISortInputType => cost.DefaultSortCost,
            _ => (double?)null,
        };
        if (weight is { } w)
            argument.ApplyDirective(CostDirective.DirectiveName, "weight", Format(w));
    }

    private static string Format(double weight) => weight.ToString(CultureInfo.InvariantCulture);
}
