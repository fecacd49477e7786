using System.Security.Claims;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Refuses <c>__schema</c> and <c>__type</c> on the query root (HC0046) where introspection is off,
/// unless the caller has one of the introspection roles; <c>__typename</c> is always allowed.
/// Checked for cached documents too, since it depends on the caller. How deep introspection may
/// go is <see cref="PathLimitsRule"/>'s.
/// </summary>
public sealed class IntrospectionRule(bool allowIntrospection, IReadOnlyCollection<string> roles) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (allowIntrospection || context.Operation.Operation != OperationType.Query || MayIntrospect(context.User))
            return default;
        if (RootIntrospectionField(context, context.Operation.SelectionSet, []) is { } field)
        {
            context.ReportError(new IntrospectionError(context, field));
        }
        return default;
    }

    private bool MayIntrospect(ClaimsPrincipal? user)
        => user?.Identity?.IsAuthenticated == true && roles.Any(user.IsInRole);

    private static GraphQLField? RootIntrospectionField(ValidationContext context, GraphQLSelectionSet set, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            var found = selection switch
            {
                GraphQLField { Name.StringValue: "__schema" or "__type" } field => field,
                GraphQLInlineFragment inline => RootIntrospectionField(context, inline.SelectionSet, visited),
                GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue)
                    && context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment
                    => RootIntrospectionField(context, fragment.SelectionSet, visited),
                _ => null,
            };
            if (found is not null)
                return found;
        }
        return null;
    }
}
