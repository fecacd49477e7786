using System.Linq.Expressions;
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
