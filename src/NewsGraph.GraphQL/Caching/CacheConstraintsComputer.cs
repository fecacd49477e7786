using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Caching;

/// <summary>
/// Works out an operation's <see cref="CacheConstraints"/> as Hot Chocolate's cache-control
/// computation does: every field the operation selects, for each type it may return, counts with
/// its own <c>@cacheControl</c>, or, for what that leaves unset, its type's; the lowest
/// <c>maxAge</c> and <c>sharedMaxAge</c> win (<c>inheritMaxAge</c> counts as set, leaving the
/// parent's), <c>PRIVATE</c> beats <c>PUBLIC</c>, <c>vary</c> values add up. A <c>maxAge</c> lower
/// than the <c>sharedMaxAge</c> found so far lowers that too, unless the same hint sets both, so a
/// CDN never keeps longer than a field allows. Only queries are cacheable, and not introspection;
/// no hint at all means none. The result depends on the operation alone, so it is kept per
/// operation (cached documents are reused).
/// </summary>
public static class CacheConstraintsComputer
{
    private static readonly ConditionalWeakTable<GraphQLOperationDefinition, Computed> Known = [];

    public static CacheConstraints? Compute(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
        => Known.GetValue(operation, op => new Computed(Walk(schema, document, op))).Constraints;

    private static CacheConstraints? Walk(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (operation.Operation != OperationType.Query || schema.Query is not { } query)
            return null;
        var walk = new Walker(document);
        foreach (var selection in operation.SelectionSet.Selections)
        {
            if (selection is GraphQLField { Name.Value: var name } && name.Span.StartsWith("__") && !name.Span.SequenceEqual("__typename"))
                return null;
        }
        walk.SelectionSet(operation.SelectionSet, query, schema);
        return walk.Result();
    }

    private sealed record Computed(CacheConstraints? Constraints);

    private sealed class Walker(GraphQLDocument document)
    {
        private int? _maxAge;
        private int? _sharedMaxAge;
        private CacheControlScope _scope = CacheControlScope.Public;
        private SortedSet<string>? _vary;

        public CacheConstraints? Result() => _maxAge is null && _sharedMaxAge is null
            ? null
            : new CacheConstraints(_maxAge, _sharedMaxAge, _scope, _vary is null ? [] : [.. _vary]);

        public void SelectionSet(GraphQLSelectionSet set, IObjectGraphType parent, ISchema schema)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field when parent.GetField(field.Name.Value) is { } definition:
                        Field(field, definition, schema);
                        break;
                    case GraphQLInlineFragment inline when Applies(inline.TypeCondition, parent, schema):
                        SelectionSet(inline.SelectionSet, parent, schema);
                        break;
                    case GraphQLFragmentSpread spread when Fragment(spread.FragmentName.Name.Value) is { } fragment && Applies(fragment.TypeCondition, parent, schema):
                        SelectionSet(fragment.SelectionSet, parent, schema);
                        break;
                }
            }
        }

        private void Field(GraphQLField field, FieldType definition, ISchema schema)
        {
            var set = new Set();
            if (CacheHint.Of(definition) is { } own)
                Apply(own, ref set);
            var named = definition.ResolvedType?.GetNamedType();
            if ((!set.MaxAge || !set.SharedMaxAge || !set.Scope || !set.Vary) && named is IMetadataReader typeMetadata && CacheHint.Of(typeMetadata) is { } ofType)
                Apply(ofType, ref set);
            if (field.SelectionSet is not { } selections)
                return;
            foreach (var possible in PossibleTypes(named))
                SelectionSet(selections, possible, schema);
        }

        /// <summary>Hot Chocolate's rules for one hint; <paramref name="set"/> says what the field's own hint already decided.</summary>
        private void Apply(CacheHint hint, ref Set set)
        {
            var previousMaxAge = _maxAge;
            if (!set.MaxAge && hint.MaxAge is { } maxAge)
            {
                if (_maxAge is null || maxAge < _maxAge)
                    _maxAge = maxAge;
                if (hint.SharedMaxAge is null && _sharedMaxAge > maxAge)
                    _sharedMaxAge = maxAge;
                set.MaxAge = true;
            }
            else if (hint.InheritMaxAge)
                set.MaxAge = true;

            if (!set.SharedMaxAge && hint.SharedMaxAge is { } shared && (_sharedMaxAge is null || shared < _sharedMaxAge))
            {
                _sharedMaxAge = _sharedMaxAge is null && previousMaxAge < shared ? previousMaxAge : shared;
                set.SharedMaxAge = true;
            }
            else if (hint.InheritMaxAge)
                set.SharedMaxAge = true;

            if (hint.Scope == CacheControlScope.Private)
            {
                _scope = CacheControlScope.Private;
                set.Scope = true;
            }
            if (hint.Vary.Count > 0)
            {
                _vary ??= new SortedSet<string>(StringComparer.Ordinal);
                foreach (var header in hint.Vary)
                    _vary.Add(header.ToLowerInvariant());
                set.Vary = true;
            }
        }

        private static IEnumerable<IObjectGraphType> PossibleTypes(IGraphType? type) => type switch
        {
            IObjectGraphType concrete => [concrete],
            IAbstractGraphType abstractType => abstractType.PossibleTypes,
            _ => [],
        };

        private static bool Applies(GraphQLTypeCondition? condition, IObjectGraphType parent, ISchema schema)
        {
            if (condition is null || condition.Type.Name.Value.Span.SequenceEqual(parent.Name))
                return true;
            return schema.AllTypes[condition.Type.Name.StringValue] is IAbstractGraphType abstractType && abstractType.PossibleTypes.Contains(parent);
        }

        private GraphQLFragmentDefinition? Fragment(ROM name)
            => document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.Value == name);
    }

    /// <summary>Which parts of the constraints a field's own hint has decided, so its type's hint does not.</summary>
    private struct Set
    {
        public bool MaxAge;
        public bool SharedMaxAge;
        public bool Scope;
        public bool Vary;
    }
}
