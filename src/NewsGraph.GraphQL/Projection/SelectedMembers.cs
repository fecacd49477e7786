using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.GraphQL.Projection;

/// <summary>
/// The entity members a field's selection needs: each selected field of the node type maps to the
/// members it declared with <see cref="ProjectionExtensions.Requires"/>, or to the member of its
/// own name. For a connection the node selections under <c>nodes</c> and <c>edges { node }</c> count.
/// </summary>
public static class SelectedMembers
{
    public static IReadOnlySet<string> Of(IResolveFieldContext context)
    {
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fieldType = context.FieldDefinition.ResolvedType!.GetNamedType();
        if (fieldType is IConnectionGraphType and IComplexGraphType connection)
        {
            var nodeType = (IComplexGraphType)connection.GetField("nodes")!.ResolvedType!.GetNamedType();
            foreach (var field in Fields(context, context.FieldAst.SelectionSet))
            {
                if (field.Name.Value == "nodes")
                    Collect(context, nodeType, field.SelectionSet, members);
                else if (field.Name.Value == "edges")
                {
                    foreach (var edgeField in Fields(context, field.SelectionSet).Where(f => f.Name.Value == "node"))
                        Collect(context, nodeType, edgeField.SelectionSet, members);
                }
            }
        }
        else if (fieldType is IComplexGraphType nodeType)
        {
            Collect(context, nodeType, context.FieldAst.SelectionSet, members);
        }
        return members;
    }

    /// <summary>Whether the selection of this field asks for its child <paramref name="fieldName"/> (through fragments).</summary>
    public static bool AsksFor(IResolveFieldContext context, string fieldName)
        => Fields(context, context.FieldAst.SelectionSet).Any(f => f.Name.Value == fieldName);

    /// <summary>The names of the fields selected under this field's child <paramref name="fieldName"/> (through fragments).</summary>
    public static IReadOnlySet<string> NamesUnder(IResolveFieldContext context, string fieldName)
        => Fields(context, context.FieldAst.SelectionSet).Where(f => f.Name.Value == fieldName)
            .SelectMany(f => Fields(context, f.SelectionSet)).Select(f => f.Name.StringValue).ToHashSet(StringComparer.Ordinal);

    /// <param name="prefix">Where a joined navigation's members go: <c>Speaker.</c> for a quote's speaker (<see cref="ProjectionExtensions.Joins"/>).</param>
    private static void Collect(IResolveFieldContext context, IComplexGraphType type, GraphQLSelectionSet? selections, HashSet<string> members, string prefix = "")
    {
        foreach (var field in Fields(context, selections))
        {
            var definition = type.GetField(field.Name.StringValue);
            if (definition is null)
                continue;
            if (definition.RequiredMembers() is { } required)
                members.UnionWith(prefix.Length == 0 ? required : required.Select(m => prefix + m));
            else
                members.Add(prefix + definition.Name);
            // One level of joins: a joined object's own joins are left to their loaders.
            if (prefix.Length == 0 && definition.JoinedNavigation() is { } navigation && definition.ResolvedType?.GetNamedType() is IComplexGraphType joined)
            {
                members.Add(navigation + "."); // the join itself, even when no column of it is selected
                Collect(context, joined, field.SelectionSet, members, navigation + ".");
            }
        }
    }

    /// <summary>The fields of a selection set, through fragments and inline fragments, whatever their type condition.</summary>
    private static IEnumerable<GraphQLField> Fields(IResolveFieldContext context, GraphQLSelectionSet? selections, int depth = 0)
    {
        if (selections is null || depth > 32)
            yield break;
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var f in Fields(context, inline.SelectionSet, depth + 1))
                        yield return f;
                    break;
                case GraphQLFragmentSpread spread:
                    var fragment = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name.Value == spread.FragmentName.Name.Value);
                    foreach (var f in Fields(context, fragment?.SelectionSet, depth + 1))
                        yield return f;
                    break;
            }
        }
    }
}
