using GraphQLParser.AST;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// The limits a document must meet before any validation rule sees it, checked in two walks that
/// stop at the first limit exceeded: one over the syntax tree (fields, aliases included, and
/// directives per location), and one over each operation with its fragments spread, which counts
/// fragment visits and the field pairs validation would have to compare for merging. Both are
/// linear in the document and bounded by the limits, so a small document cannot make validation
/// explode (30 fragments that each spread the next twice would be a billion fields).
/// </summary>
public static class DocumentLimits
{
    /// <summary>The first limit <paramref name="document"/> exceeds, or null when it meets them all.</summary>
    public static DocumentLimitError? Check(GraphQLDocument document, GraphQLServerOptions limits)
    {
        var syntax = new SyntaxWalk(limits);
        foreach (var definition in document.Definitions)
        {
            if (syntax.Walk(definition) is { } error)
                return error;
        }

        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        // The spec's rule would find a cycle too, but only after rules that do not expect one
        // (merging fields) had spread it without end: it is refused here, with the spec rule's code.
        if (CycleIn(fragments) is { } cyclic)
        {
            return new DocumentLimitError(ErrorCodes.NoFragmentCycles, $"Cannot spread fragment '{cyclic}' within itself.",
                new() { ["fragment"] = cyclic });
        }

        var spread = new SpreadWalk(fragments, limits);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            if (spread.Walk([operation.SelectionSet]) is { } error)
                return error;
        }
        return null;
    }

    private sealed class SyntaxWalk(GraphQLServerOptions limits)
    {
        private int _fields;

        public DocumentLimitError? Walk(ASTNode node)
        {
            if (node is IHasDirectivesNode { Directives.Count: var count } && count > limits.MaxDirectivesPerLocation)
            {
                return new DocumentLimitError(ErrorCodes.MaxDirectivesPerLocationExceeded,
                    $"The GraphQL document has {count} directives at one location, more than the {limits.MaxDirectivesPerLocation} allowed.",
                    new() { ["directives"] = count, ["maxAllowedDirectives"] = limits.MaxDirectivesPerLocation });
            }
            if (node is GraphQLField && ++_fields > limits.MaxFieldsPerDocument)
            {
                return new DocumentLimitError(ErrorCodes.MaxFieldsExceeded,
                    $"The GraphQL document has more than the {limits.MaxFieldsPerDocument} fields allowed (aliases included).",
                    new() { ["maxAllowedFields"] = limits.MaxFieldsPerDocument });
            }
            if (node is GraphQLOperationDefinition { Variables: { } variables })
            {
                foreach (var variable in variables.Items)
                {
                    if (Walk(variable) is { } error)
                        return error;
                }
            }
            var selections = (node as IHasSelectionSetNode)?.SelectionSet?.Selections;
            if (selections is null)
                return null;
            foreach (var selection in selections)
            {
                if (Walk(selection) is { } error)
                    return error;
            }
            return null;
        }
    }

    /// <summary>
    /// Walks an operation level by level as field collection does, with every fragment spread
    /// (each spread is a visit) and the fields of one response name merged, as the merge rule
    /// compares them: a level with <c>k</c> fields of one name costs <c>k(k-1)/2</c> comparisons.
    /// </summary>
    private sealed class SpreadWalk(Dictionary<string, GraphQLFragmentDefinition> fragments, GraphQLServerOptions limits)
    {
        private int _visits;
        private long _comparisons;

        public DocumentLimitError? Walk(List<GraphQLSelectionSet> sets)
        {
            var byResponseName = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
            foreach (var set in sets)
            {
                if (Collect(set, byResponseName) is { } error)
                    return error;
            }
            foreach (var fields in byResponseName.Values)
            {
                _comparisons += (long)fields.Count * (fields.Count - 1) / 2;
                if (_comparisons > limits.MaxFieldMergeComparisons)
                {
                    return new DocumentLimitError(ErrorCodes.MaxFieldMergeComparisonsExceeded,
                        $"Validating the GraphQL document would compare more than the {limits.MaxFieldMergeComparisons} field pairs allowed; select each field once per selection set.",
                        new() { ["maxAllowedComparisons"] = limits.MaxFieldMergeComparisons });
                }
                List<GraphQLSelectionSet>? children = null;
                foreach (var field in fields)
                {
                    if (field.SelectionSet is { } set)
                        (children ??= []).Add(set);
                }
                if (children is not null && Walk(children) is { } error)
                    return error;
            }
            return null;
        }

        private DocumentLimitError? Collect(GraphQLSelectionSet set, Dictionary<string, List<GraphQLField>> byResponseName)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = (field.Alias?.Name ?? field.Name).StringValue;
                        if (!byResponseName.TryGetValue(name, out var fields))
                            byResponseName[name] = fields = [];
                        fields.Add(field);
                        break;
                    case GraphQLInlineFragment inline:
                        if (Collect(inline.SelectionSet, byResponseName) is { } inlineError)
                            return inlineError;
                        break;
                    case GraphQLFragmentSpread spread:
                        if (++_visits > limits.MaxFragmentVisits)
                        {
                            return new DocumentLimitError(ErrorCodes.MaxFragmentVisitsExceeded,
                                $"The GraphQL document spreads fragments more than the {limits.MaxFragmentVisits} times allowed.",
                                new() { ["maxAllowedFragmentVisits"] = limits.MaxFragmentVisits });
                        }
                        if (fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                            && Collect(fragment.SelectionSet, byResponseName) is { } spreadError)
                            return spreadError;
                        break;
                }
            }
            return null;
        }
    }

    /// <summary>
    /// A fragment that spreads itself, directly or through others, or null. Depth-first without
    /// recursion: a chain of thousands of fragments fits in a request body, not in a thread's stack.
    /// </summary>
    private static string? CycleIn(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        // Absent: not seen; false: on the current path; true: done.
        var done = new Dictionary<string, bool>(StringComparer.Ordinal);
        var path = new Stack<(string Name, IEnumerator<string> Spreads)>();
        foreach (var start in fragments.Keys)
        {
            if (done.ContainsKey(start))
                continue;
            done[start] = false;
            path.Push((start, Spreads(fragments[start].SelectionSet).GetEnumerator()));
            while (path.Count > 0)
            {
                var (name, spreads) = path.Peek();
                if (!spreads.MoveNext())
                {
                    done[name] = true;
                    path.Pop().Spreads.Dispose();
                    continue;
                }
                var next = spreads.Current;
                if (done.TryGetValue(next, out var finished))
                {
                    if (!finished)
                        return next;
                    continue;
                }
                if (!fragments.TryGetValue(next, out var fragment))
                    continue; // unknown: the spec rules report it
                done[next] = false;
                path.Push((next, Spreads(fragment.SelectionSet).GetEnumerator()));
            }
        }
        return null;
    }

    private static IEnumerable<string> Spreads(GraphQLSelectionSet set)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLFragmentSpread spread:
                    yield return spread.FragmentName.Name.StringValue;
                    break;
                case IHasSelectionSetNode { SelectionSet: { } inner }:
                    foreach (var name in Spreads(inner))
                        yield return name;
                    break;
            }
        }
    }
}
