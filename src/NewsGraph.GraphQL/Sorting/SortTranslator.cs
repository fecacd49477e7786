using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Linq;

namespace NewsGraph.GraphQL.Sorting;

/// <summary>
/// Turns an <c>order</c> value (<c>[{ section: { name: ASC } }, { publishedAt: DESC }]</c>) into
/// sort keys over the entity, in the order given: list elements in turn, fields of an element in
/// the order written.
/// </summary>
public static class SortTranslator
{
    public static IReadOnlyList<OrderKey> ToKeys<T>(IGraphType orderArgumentType, object? value)
    {
        if (value is null)
            return [];
        var sortType = (IComplexGraphType)orderArgumentType.GetNamedType();
        var entity = Expression.Parameter(typeof(T), "x");
        var keys = new List<(Expression Member, bool Descending)>();
        foreach (var element in value as IEnumerable<object?> ?? [value])
        {
            if (element is IDictionary<string, object?> fields)
                Collect(sortType, fields, entity, keys);
        }
        return [.. keys.Select(k => new OrderKey(Expression.Lambda(k.Member, entity), k.Descending))];
    }

    private static void Collect(IComplexGraphType type, IDictionary<string, object?> fields, Expression target, List<(Expression, bool)> keys)
    {
        foreach (var (name, value) in fields)
        {
            var field = type.GetField(name) ?? throw new InvalidOperationException($"{type.Name} has no field {name}.");
            var member = ExpressionRewriter.Inline((LambdaExpression)field.Metadata[SortInputType<object>.MemberKey]!, target);
            switch (value)
            {
                case SortDirection direction:
                    keys.Add((member, direction == SortDirection.Descending));
                    break;
                case IDictionary<string, object?> nested:
                    Collect((IComplexGraphType)field.ResolvedType!.GetNamedType(), nested, member, keys);
                    break;
            }
        }
    }
}
