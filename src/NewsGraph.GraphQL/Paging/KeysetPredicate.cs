using System.Linq.Expressions;
using System.Reflection;
using NewsGraph.GraphQL.Linq;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.GraphQL.Paging;

/// <summary>
/// The rows strictly after (or before) a cursor in an order of several keys:
/// <c>k1 ≥ v1 AND (k1 &gt; v1 OR (k1 = v1 AND (k2 &gt; v2 OR ...)))</c>, comparisons flipped for
/// descending keys. The leading <c>k1 ≥ v1</c> is redundant logically but lets the database seek
/// in the index instead of scanning. Nulls sort first, as in SQLite.
/// </summary>
public static class KeysetPredicate
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static Expression<Func<T, bool>> Beyond<T>(IReadOnlyList<OrderKey> order, object?[] cursor, bool before)
    {
        var row = Expression.Parameter(typeof(T), "x");
        var keys = order.Select(k => ExpressionRewriter.Inline(k.Selector, row)).ToList();
        bool Forward(int i) => order[i].Descending == before;

        var last = keys.Count - 1;
        var predicate = Compare(keys[last], cursor[last], Forward(last), orEqual: false);
        for (var i = last - 1; i >= 0; i--)
            predicate = Expression.OrElse(Compare(keys[i], cursor[i], Forward(i), orEqual: false), Expression.AndAlso(Equal(keys[i], cursor[i]), predicate));
        predicate = Expression.AndAlso(Compare(keys[0], cursor[0], Forward(0), orEqual: true), predicate);
        return Expression.Lambda<Func<T, bool>>(predicate, row);
    }

    /// <summary><c>key &gt; value</c> when <paramref name="greater"/>, else <c>key &lt; value</c> (with <c>=</c> when <paramref name="orEqual"/>).</summary>
    private static Expression Compare(Expression key, object? value, bool greater, bool orEqual)
    {
        var nullable = !key.Type.IsValueType || Nullable.GetUnderlyingType(key.Type) is not null;
        if (value is null)
        {
            // Nothing is smaller than null; everything not null is greater.
            if (greater)
                return orEqual ? Expression.Constant(true) : Expression.NotEqual(key, Expression.Constant(null, key.Type));
            return orEqual ? Expression.Equal(key, Expression.Constant(null, key.Type)) : Expression.Constant(false);
        }
        var comparison = Relational(key, value, greater, orEqual);
        return !greater && nullable ? Expression.OrElse(comparison, Expression.Equal(key, Expression.Constant(null, key.Type))) : comparison;
    }

    private static Expression Relational(Expression key, object value, bool greater, bool orEqual)
    {
        var type = Nullable.GetUnderlyingType(key.Type) ?? key.Type;
        Expression left = key, right = ExpressionRewriter.Parameter(value, key.Type);
        if (type == typeof(string))
        {
            left = Expression.Call(StringCompare, key, right);
            right = Expression.Constant(0);
        }
        else if (type == typeof(bool))
        {
            // false < true
            var isTrue = (bool)value;
            if (greater)
                return isTrue ? (orEqual ? Expression.Equal(key, right) : Expression.Constant(false)) : (orEqual ? Expression.Constant(true) : Expression.Equal(key, Expression.Constant(true, key.Type)));
            return isTrue ? (orEqual ? Expression.Constant(true) : Expression.Equal(key, Expression.Constant(false, key.Type))) : (orEqual ? Expression.Equal(key, right) : Expression.Constant(false));
        }
        else if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            var target = key.Type == type ? underlying : typeof(Nullable<>).MakeGenericType(underlying);
            left = Expression.Convert(key, target);
            right = Expression.Convert(right, target);
        }
        return (greater, orEqual) switch
        {
            (true, false) => Expression.GreaterThan(left, right),
            (true, true) => Expression.GreaterThanOrEqual(left, right),
            (false, false) => Expression.LessThan(left, right),
            (false, true) => Expression.LessThanOrEqual(left, right),
        };
    }

    private static BinaryExpression Equal(Expression key, object? value)
        => Expression.Equal(key, value is null ? Expression.Constant(null, key.Type) : ExpressionRewriter.Parameter(value, key.Type));
}
