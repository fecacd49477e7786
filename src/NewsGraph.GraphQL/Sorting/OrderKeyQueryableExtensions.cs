using System.Linq.Expressions;
using System.Reflection;

namespace NewsGraph.GraphQL.Sorting;

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
