using System.Linq.Expressions;
using System.Reflection;
using NewsGraph.GraphQL.Linq;

namespace NewsGraph.GraphQL.Sorting;

/// <summary>One key of an order: what to sort by (over the entity) and which way.</summary>
public sealed record OrderKey(LambdaExpression Selector, bool Descending)
{
    public Type KeyType => Selector.ReturnType;

    /// <summary>The key over <c>outer</c>'s result: sorts rows by a member of the element they hold.</summary>
    public OrderKey Over(LambdaExpression outer) => this with { Selector = ExpressionRewriter.Compose(outer, Selector) };

    /// <summary>A key from a selector that may box its value (<c>x =&gt; (object)x.Position</c>).</summary>
    public static OrderKey From(LambdaExpression selector, bool descending)
        => selector.Body is UnaryExpression { NodeType: ExpressionType.Convert } boxed && boxed.Type == typeof(object)
            ? new OrderKey(Expression.Lambda(boxed.Operand, selector.Parameters), descending)
            : new OrderKey(selector, descending);

    /// <summary>A text naming the key, the same for equal keys whatever their parameter is called.</summary>
    public string Signature => $"{SelectorText}:{(Descending ? 'D' : 'A')}";

    /// <summary>The selector as text, whatever its parameter is called.</summary>
    public string SelectorText => ExpressionRewriter.Inline(Selector, Expression.Parameter(Selector.Parameters[0].Type, "_")).ToString();

    /// <summary>
    /// The key read as its non-nullable type (<c>x.PublishedAt.Value</c>): for a nullable member that the
    /// query never returns null for, so the cursor condition is a plain range the database can seek.
    /// </summary>
    public OrderKey WithoutNulls()
        => Nullable.GetUnderlyingType(KeyType) is null
            ? this
            : this with { Selector = Expression.Lambda(Expression.Property(Selector.Body, nameof(Nullable<int>.Value)), Selector.Parameters) };
}

public static class OrderKeyQueryableExtensions
{
    private static readonly MethodInfo OrderByMethod = Method(nameof(Queryable.OrderBy));
    private static readonly MethodInfo OrderByDescendingMethod = Method(nameof(Queryable.OrderByDescending));
    private static readonly MethodInfo ThenByMethod = Method(nameof(Queryable.ThenBy));
    private static readonly MethodInfo ThenByDescendingMethod = Method(nameof(Queryable.ThenByDescending));

    /// <summary>Orders <paramref name="source"/> by the keys in turn; <paramref name="reverse"/> flips every direction (backward paging).</summary>
    public static IQueryable<T> OrderBy<T>(this IQueryable<T> source, IReadOnlyList<OrderKey> keys, bool reverse = false)
    {
        var expression = source.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var descending = keys[i].Descending ^ reverse;
            var method = i == 0
                ? (descending ? OrderByDescendingMethod : OrderByMethod)
                : (descending ? ThenByDescendingMethod : ThenByMethod);
            expression = Expression.Call(method.MakeGenericMethod(typeof(T), keys[i].KeyType), expression, Expression.Quote(keys[i].Selector));
        }
        return source.Provider.CreateQuery<T>(expression);
    }

    private static MethodInfo Method(string name)
        => typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2);
}
