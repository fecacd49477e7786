using System.Collections;
using System.Globalization;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>
/// Computes an operation's cost as Hot Chocolate does (the IBM cost directive spec): a field
/// costs its weight, its arguments' weights and the weights of the input fields it is given, plus
/// what its selection costs; the type cost counts the objects the response can hold. A list
/// multiplies what it contains (not its own weight) by its size: the value of a slicing argument,
/// else the default or assumed size of its <c>@listSize</c>, or of its parent's when the parent
/// sizes it (<c>sizedFields</c>: a connection's <c>edges</c> and <c>nodes</c>). Argument values
/// are the request's own, variables included (an argument given as null costs nothing); <c>@skip</c>/<c>@include</c> are honoured; on an
/// abstract type the costliest possible type counts. Introspection costs nothing (its depth is
/// bounded by <see cref="PathLimitsRule"/>).
/// </summary>
internal sealed class CostAnalyzer(ValidationContext context)
{
    private readonly ISchema _schema = context.Schema;

    /// <summary>
    /// Whether the cost depends on a value the request's variables may give: an argument given as a
    /// variable that slices a list, is null, or is a list or input object (a scalar adds its
    /// argument's weight whatever its value); or a <c>@skip</c>/<c>@include</c>. Variables nested in
    /// a literal are the caller's concern (<see cref="CostValidationRule"/> checks their types).
    /// </summary>
    public bool ReadVariables { get; private set; }

    public OperationCost Analyze()
    {
        IObjectGraphType? root = context.Operation.Operation switch
        {
            OperationType.Query => _schema.Query,
            OperationType.Mutation => _schema.Mutation,
            OperationType.Subscription => _schema.Subscription,
            _ => null,
        };
        if (root is null)
            return new OperationCost(0, 0);
        var (field, type) = SelectionSetCost([context.Operation.SelectionSet], root, sizing: null);
        return new OperationCost(field, type + TypeWeight(root));
    }

    /// <param name="sizing">The parent's <c>@listSize</c> and the size it gives the fields it names.</param>
    private (double Field, double Type) SelectionSetCost(IReadOnlyList<GraphQLSelectionSet> sets, IGraphType parent, Sizing? sizing)
    {
        if (parent is IObjectGraphType concrete)
            return FieldsCost(sets, concrete, sizing);
        var possible = parent switch
        {
            IInterfaceGraphType i => i.PossibleTypes.ToList(),
            UnionGraphType u => u.PossibleTypes.ToList(),
            _ => [],
        };
        var most = (Field: 0d, Type: 0d);
        foreach (var type in possible)
        {
            var cost = FieldsCost(sets, type, sizing);
            most = (Math.Max(most.Field, cost.Field), Math.Max(most.Type, cost.Type));
        }
        return most;
    }

    private (double Field, double Type) FieldsCost(IReadOnlyList<GraphQLSelectionSet> sets, IObjectGraphType parent, Sizing? sizing)
    {
        var fields = new List<GraphQLField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
            Collect(set, parent, fields, seen);
        double fieldCost = 0, typeCost = 0;
        foreach (var field in fields)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var (f, t) = FieldCost(field, parent, sizing);
            fieldCost += f;
            typeCost += t;
        }
        return (fieldCost, typeCost);
    }

    /// <summary>The fields that apply to <paramref name="parent"/>, first of each response name, fragments spread.</summary>
    private void Collect(GraphQLSelectionSet set, IObjectGraphType parent, List<GraphQLField> into, HashSet<string> seen)
    {
        foreach (var selection in set.Selections)
        {
            if (!IsIncluded(selection))
                continue;
            switch (selection)
            {
                case GraphQLField field:
                    if (seen.Add((field.Alias?.Name ?? field.Name).StringValue))
                        into.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    if (Selections.Applies(_schema, inline.TypeCondition, parent))
                        Collect(inline.SelectionSet, parent, into, seen);
                    break;
                case GraphQLFragmentSpread spread:
                    if (context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment
                        && Selections.Applies(_schema, fragment.TypeCondition, parent))
                        Collect(fragment.SelectionSet, parent, into, seen);
                    break;
            }
        }
    }

    private (double Field, double Type) FieldCost(GraphQLField field, IObjectGraphType parent, Sizing? sizing)
    {
        if (field.Name.Value.Span.StartsWith("__") || Selections.FieldOf(_schema, parent, field) is not { ResolvedType: { } resolved } definition)
            return (0, 0);
        var named = resolved.GetNamedType();
        var typeCost = TypeWeight(named);
        var fieldCost = FieldWeight(definition, resolved, named);
        var arguments = context.ArgumentValues?.GetValueOrDefault(field);
        var listSize = ListSize.Of(definition);
        if (arguments is not null)
        {
            foreach (var (name, value) in arguments)
            {
                ReadVariables |= value.Source is ArgumentSource.Variable or ArgumentSource.VariableDefault
                                 && (value.Value is null or (IEnumerable and not string) || listSize?.SlicingArguments.Contains(name) == true);
                if (value.Source == ArgumentSource.FieldDefault || value.Value is null || definition.Arguments?.Find(name) is not { ResolvedType: { } argumentType } argument)
                    continue;
                fieldCost += InputWeight(argument, argumentType) + InputCost(argumentType, value.Value);
            }
        }

        var size = listSize is not null ? listSize.SizeFor(arguments) : sizing?.SizeOf(definition.Name) ?? 1;
        var childSizing = listSize is { SizedFields.Count: > 0 } ? new Sizing(listSize.SizedFields, size) : null;
        double selectionCost = 0;
        if (field.SelectionSet is { } set)
        {
            var (childField, childType) = SelectionSetCost([set], named, childSizing);
            selectionCost = childField;
            typeCost += childType;
        }
        if (IsList(resolved))
        {
            typeCost *= size;
            selectionCost *= size;
        }
        return (Math.Max(0, fieldCost + selectionCost), typeCost);
    }

    /// <summary>Weights of the input fields a value gives, nested objects and lists included.</summary>
    private static double InputCost(IGraphType type, object? value)
    {
        var named = type.GetNamedType();
        switch (value)
        {
            case IDictionary<string, object?> fields when named is IInputObjectGraphType input:
                double total = 0;
                foreach (var (name, fieldValue) in fields)
                {
                    if (input.GetField(name) is { ResolvedType: { } fieldType } field)
                        total += InputWeight(field, fieldType) + InputCost(fieldType, fieldValue);
                }
                return total;
            case IEnumerable items and not string:
                double sum = 0;
                foreach (var item in items)
                    sum += InputCost(named, item);
                return sum;
            default:
                return 0;
        }
    }

    private static double FieldWeight(FieldType field, IGraphType type, IGraphType named)
        => Weight(field) ?? (named is IComplexGraphType or UnionGraphType || IsList(type) ? 1 : 0);

    private static bool IsList(IGraphType type) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

    private static double InputWeight(IMetadataReader input, IGraphType type)
        => Weight(input) ?? (type.GetNamedType() is IInputObjectGraphType ? 1 : 0);

    private static double TypeWeight(IGraphType type)
        => Weight(type) ?? (type is IObjectGraphType or IInterfaceGraphType or UnionGraphType ? 1 : 0);

    private static double? Weight(IMetadataReader element)
        => element.FindAppliedDirective(CostDirective.DirectiveName)?.FindArgument("weight")?.Value is string text
           && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
            ? weight
            : null;

    private bool IsIncluded(ASTNode node)
    {
        if (context.DirectiveValues?.TryGetValue(node, out var directives) != true || directives is null)
            return true;
        ReadVariables = true;
        if (directives.TryGetValue("skip", out var skip) && skip.GetArgument("if", false))
            return false;
        return !directives.TryGetValue("include", out var include) || include.GetArgument("if", true);
    }

    /// <summary>The size a parent's <c>@listSize</c> gives the fields it names in <c>sizedFields</c>.</summary>
    private sealed record Sizing(IReadOnlyList<string> Fields, double Size)
    {
        public double? SizeOf(string field) => Fields.Contains(field) ? Size : null;
    }
}
