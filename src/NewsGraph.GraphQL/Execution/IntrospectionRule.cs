using GraphQL.Validation;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Guards introspection. When it is switched off, <c>__schema</c> and <c>__type</c> are refused
/// (HC0046; <c>__typename</c> stays allowed). When it is on, the recursive list fields of
/// <c>__Type</c> may nest only so far (HC0086): each level multiplies the response by the number
/// of types, so a short document could otherwise ask for millions of objects. The standard
/// introspection query, as IDEs send it, nests one of them.
/// </summary>
public sealed class IntrospectionRule(bool allowIntrospection) : ValidationRuleBase
{
    private const int MaxListDepth = 3;
    private const int MaxOfTypeDepth = 16;
    private static readonly HashSet<string> RecursiveListFields = ["fields", "inputFields", "interfaces", "possibleTypes"];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        foreach (var root in RootFields(context, context.Operation.SelectionSet, []))
        {
            var name = root.Name.StringValue;
            if (name is not ("__schema" or "__type"))
                continue;
            if (!allowIntrospection)
            {
                context.ReportError(new IntrospectionError(ErrorCodes.IntrospectionNotAllowed,
                    "Introspection is not allowed for the current request.", root));
                return default;
            }
            if (root.SelectionSet is not null && TooDeep(context, root.SelectionSet, 0, 0, []))
            {
                context.ReportError(new IntrospectionError(ErrorCodes.IntrospectionDepthExceeded,
                    "Maximum allowed introspection depth exceeded.", root));
                return default;
            }
        }
        return default;
    }

    private static IEnumerable<GraphQLField> RootFields(ValidationContext context, GraphQLSelectionSet set, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var f in RootFields(context, inline.SelectionSet, visited))
                        yield return f;
                    break;
                case GraphQLFragmentSpread spread when Fragment(context, spread, visited) is { } fragment:
                    foreach (var f in RootFields(context, fragment.SelectionSet, visited))
                        yield return f;
                    break;
            }
        }
    }

    private static bool TooDeep(ValidationContext context, GraphQLSelectionSet set, int lists, int ofTypes, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    var nextLists = RecursiveListFields.Contains(name) ? lists + 1 : lists;
                    var nextOfTypes = name == "ofType" ? ofTypes + 1 : ofTypes;
                    if (nextLists >= MaxListDepth || nextOfTypes > MaxOfTypeDepth)
                        return true;
                    if (field.SelectionSet is not null && TooDeep(context, field.SelectionSet, nextLists, nextOfTypes, visited))
                        return true;
                    break;
                case GraphQLInlineFragment inline:
                    if (TooDeep(context, inline.SelectionSet, lists, ofTypes, visited))
                        return true;
                    break;
                case GraphQLFragmentSpread spread:
                    // A fragment is walked once per path; cycles are reported by the spec rules.
                    if (Fragment(context, spread, visited) is { } fragment)
                    {
                        var tooDeep = TooDeep(context, fragment.SelectionSet, lists, ofTypes, visited);
                        visited.Remove(fragment.FragmentName.Name.StringValue);
                        if (tooDeep)
                            return true;
                    }
                    break;
            }
        }
        return false;
    }

    private static GraphQLFragmentDefinition? Fragment(ValidationContext context, GraphQLFragmentSpread spread, HashSet<string> visited)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (!visited.Add(name))
            return null;
        return context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .FirstOrDefault(d => d.FragmentName.Name.StringValue == name);
    }
}

public sealed class IntrospectionError : ValidationError
{
    public IntrospectionError(string code, string message, ASTNode node)
        : base(message)
    {
        Code = code;
        Extensions = new() { ["field"] = (node as GraphQLField)?.Name.StringValue };
    }
}
