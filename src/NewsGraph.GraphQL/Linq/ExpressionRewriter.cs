using System.Linq.Expressions;

namespace NewsGraph.GraphQL.Linq;

public static class ExpressionRewriter
{
    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="argument"/>.</summary>
    public static Expression Inline(LambdaExpression lambda, Expression argument)
        => new ParameterReplacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    /// <summary><c>outer(x) => inner(outer(x))</c>: applies <paramref name="inner"/> to what <paramref name="outer"/> selects.</summary>
    public static LambdaExpression Compose(LambdaExpression outer, LambdaExpression inner)
        => Expression.Lambda(Inline(inner, outer.Body), outer.Parameters);

    /// <summary>A parameterised constant: EF Core sends it as a SQL parameter, so the query plan is cached and reused.</summary>
    public static Expression Parameter(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(holder), "Value");
    }

    /// <summary>Whether <paramref name="value"/> holds a value made by <see cref="Parameter"/>.</summary>
    internal static bool IsHolder(object value) => value is IHolder;

    /// <summary>The value a holder of <see cref="Parameter"/> holds.</summary>
    internal static object? ValueOf(object holder) => ((IHolder)holder).Boxed;

    /// <summary>The type of the value a holder of <see cref="Parameter"/> holds.</summary>
    internal static Type TypeOf(object holder) => ((IHolder)holder).Type;

    private interface IHolder
    {
        object? Boxed { get; }

        Type Type { get; }
    }

    private sealed class Holder<T>(T value) : IHolder
    {
#pragma warning disable CA1051 // EF Core parameterises field access on a closure-like object; it is the point.
        public readonly T Value = value;
#pragma warning restore CA1051

        public object? Boxed => Value;

        public Type Type => typeof(T);
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
            => node == parameter ? replacement : base.VisitParameter(node);
    }
}
