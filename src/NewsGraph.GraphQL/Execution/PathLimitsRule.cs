using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Limits on each path from the root of the chosen operation, fragments spread: how deep it goes
/// (<see cref="GraphQLServerOptions.MaxDepth"/>); how often one schema coordinate repeats on it
/// (HC0087: <c>Article.moreFromSection</c> four times deep, by default outside Development); and
/// under <c>__schema</c>/<c>__type</c>, Hot Chocolate's introspection depth (HC0086): each of
/// <c>__Type.fields</c>, <c>inputFields</c>, <c>interfaces</c> and <c>possibleTypes</c> once,
/// <c>__Type.ofType</c> at most <see cref="GraphQLServerOptions.MaxIntrospectionOfTypeDepth"/> times;
/// and how many introspection fields the operation selects (a hundred aliases of <c>__schema</c>
/// would be a hundred copies of the schema).
/// The walk is bounded by <see cref="DocumentLimits"/>, which ran when the document was parsed.
/// An operation that passed is not walked again when its cached document comes back: the limits
/// depend on the document and the schema only, not on variables or the caller.
/// </summary>
public sealed class PathLimitsRule(GraphQLServerOptions options, bool limitCoordinateCycles) : ValidationRuleBase
{
    private static readonly HashSet<string> IntrospectionLists = ["__Type.fields", "__Type.inputFields", "__Type.interfaces", "__Type.possibleTypes"];
    private static readonly object Passed = new();
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, object> _passed = [];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        IObjectGraphType? root = context.Operation.Operation switch
        {
            OperationType.Query => context.Schema.Query,
            OperationType.Mutation => context.Schema.Mutation,
            OperationType.Subscription => context.Schema.Subscription,
            _ => null,
        };
        // Refused already (introspection not allowed): walking it would only add errors about the same fields.
        if (root is not null && !context.HasErrors && !_passed.TryGetValue(context.Operation, out _))
        {
            var walk = new Walk(context, options, limitCoordinateCycles);
            if (!walk.Visit(context.Operation.SelectionSet, root, introspection: false))
                return default;
            if (walk.Depth > options.MaxDepth)
            {
                context.ReportError(new PathLimitError(ErrorCodes.MaxDepthExceeded,
                    $"The GraphQL document has an execution depth of {walk.Depth} which exceeds the max allowed execution depth of {options.MaxDepth}.",
                    new() { ["detectedExecutionDepth"] = walk.Depth, ["allowedExecutionDepth"] = options.MaxDepth }));
            }
            else
            {
                _passed.AddOrUpdate(context.Operation, Passed);
            }
        }
        return default;
    }

    private sealed class Walk(ValidationContext context, GraphQLServerOptions options, bool limitCycles)
    {
        private readonly Dictionary<string, int> _onPath = new(StringComparer.Ordinal);
        private readonly HashSet<string> _fragmentsOnPath = new(StringComparer.Ordinal);
        private readonly List<object> _path = [];
        private int _introspectionFields;

        public int Depth { get; private set; }

        /// <summary>False once a limit was reported: the walk stops there.</summary>
        public bool Visit(GraphQLSelectionSet set, IGraphType parent, bool introspection)
        {
            foreach (var selection in set.Selections)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var goOn = selection switch
                {
                    GraphQLField field => VisitField(field, parent, introspection),
                    GraphQLInlineFragment inline => Selections.ConditionType(context.Schema, inline.TypeCondition, parent) is not { } type
                                                    || Visit(inline.SelectionSet, type, introspection),
                    GraphQLFragmentSpread spread => VisitSpread(spread, parent, introspection),
                    _ => true,
                };
                if (!goOn)
                    return false;
            }
            return true;
        }

        private bool VisitSpread(GraphQLFragmentSpread spread, IGraphType parent, bool introspection)
        {
            var name = spread.FragmentName.Name.StringValue;
            if (context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value) is not { } fragment
                || Selections.ConditionType(context.Schema, fragment.TypeCondition, parent) is not { } type
                || !_fragmentsOnPath.Add(name))
                return true; // unknown or cyclic: the spec rules report it
            var goOn = Visit(fragment.SelectionSet, type, introspection);
            _fragmentsOnPath.Remove(name);
            return goOn;
        }

        private bool VisitField(GraphQLField field, IGraphType parent, bool introspection)
        {
            var name = field.Name.StringValue;
            if (name == "__typename" || Selections.FieldOf(context.Schema, parent, field) is not { ResolvedType: { } type })
                return true;
            if (name is "__schema" or "__type" && !introspection && ++_introspectionFields > options.MaxIntrospectionFields)
            {
                context.ReportError(new PathLimitError(ErrorCodes.MaxIntrospectionFieldsExceeded,
                    $"The GraphQL document selects `__schema` or `__type` more than the {options.MaxIntrospectionFields} times allowed.",
                    new() { ["maxAllowedIntrospectionFields"] = options.MaxIntrospectionFields }));
                return false;
            }
            introspection |= name is "__schema" or "__type";
            var coordinate = string.Concat(parent.Name, ".", name);
            int? limit = introspection
                ? coordinate == "__Type.ofType" ? options.MaxIntrospectionOfTypeDepth : IntrospectionLists.Contains(coordinate) ? 1 : null
                : limitCycles ? options.MaxCoordinateCycleDepth : null;
            var count = _onPath.GetValueOrDefault(coordinate) + 1;
            if (count > limit)
            {
                context.ReportError(introspection
                    ? new PathLimitError(ErrorCodes.IntrospectionDepthExceeded, "Maximum allowed introspection depth exceeded.", context, field, _path)
                    : new PathLimitError(ErrorCodes.CoordinateCycleDepthExceeded, "Maximum allowed coordinate cycle depth was exceeded.", context, field, _path));
                return false;
            }
            _path.Add((field.Alias?.Name ?? field.Name).StringValue);
            Depth = Math.Max(Depth, _path.Count);
            _onPath[coordinate] = count;
            var goOn = field.SelectionSet is not { } set || Visit(set, type.GetNamedType(), introspection);
            _onPath[coordinate] = count - 1;
            _path.RemoveAt(_path.Count - 1);
            return goOn;
        }
    }
}
