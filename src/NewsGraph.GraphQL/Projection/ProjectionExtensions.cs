using System.Linq.Expressions;
using GraphQL.Builders;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Projection;

public static class ProjectionExtensions
{
    internal const string RequiresKey = "projection:requires";
    internal const string JoinsKey = "projection:joins";

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

    /// <summary>
    /// The field's object is the source's reference navigation <paramref name="navigation"/> (a quote's
    /// speaker): a projected query that selects the field reads the object's selected columns in the same
    /// statement (a join), instead of leaving it to a DataLoader and a further round trip. The resolver
    /// should use the navigation when it is set and fall back to its loader otherwise.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> Joins<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, Expression<Func<TSource, object?>> navigation)
    {
        field.FieldType.Metadata[JoinsKey] = MemberName(navigation);
        return field;
    }

    internal static string[]? RequiredMembers(this FieldType field)
        => field.Metadata.TryGetValue(RequiresKey, out var members) ? (string[]?)members : null;

    internal static string? JoinedNavigation(this FieldType field)
        => field.Metadata.TryGetValue(JoinsKey, out var navigation) ? (string?)navigation : null;

    private static string MemberName(LambdaExpression member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        return body is MemberExpression { Expression: ParameterExpression } access
            ? access.Member.Name
            : throw new ArgumentException($"`{member}` is not a member of the source.", nameof(member));
    }
}
