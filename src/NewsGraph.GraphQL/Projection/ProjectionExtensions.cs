using System.Linq.Expressions;
using GraphQL.Builders;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Projection;

public static class ProjectionExtensions
{
    internal const string RequiresKey = "projection:requires";

    /// <summary>
    /// The entity members this field reads, so a projected query fetches them. Needed only where the
    /// field's name is not the member's (a field named like a property reads that property).
    /// </summary>
    public static FieldBuilder<TSource, TReturn> Requires<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, params Expression<Func<TSource, object?>>[] members)
    {
        field.FieldType.Metadata[RequiresKey] = members.Select(MemberName).ToArray();
        return field;
    }

    internal static string[]? RequiredMembers(this FieldType field)
        => field.Metadata.TryGetValue(RequiresKey, out var members) ? (string[]?)members : null;

    private static string MemberName(LambdaExpression member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        return body is MemberExpression { Expression: ParameterExpression } access
            ? access.Member.Name
            : throw new ArgumentException($"`{member}` is not a member of the source.", nameof(member));
    }
}
