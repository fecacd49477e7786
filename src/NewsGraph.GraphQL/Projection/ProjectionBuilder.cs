using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NewsGraph.GraphQL.Projection;

/// <summary>
/// <c>x =&gt; new T { Id = x.Id, Headline = x.Headline }</c>: the entity with only the mapped
/// columns a selection needs, so a list that does not show the body does not read it.
/// Keys are always read; relations are left to DataLoaders. Built once per entity and member set.
/// </summary>
public static class ProjectionBuilder
{
    private static readonly ConcurrentDictionary<(Type, string), LambdaExpression?> Cache = new();

    /// <summary>The projection, or null when the entity cannot be built member by member (then it is read whole).</summary>
    public static Expression<Func<T, T>>? For<T>(IModel model, IReadOnlySet<string> members)
    {
        var key = (typeof(T), string.Join(',', members.Order(StringComparer.OrdinalIgnoreCase)));
        return (Expression<Func<T, T>>?)Cache.GetOrAdd(key, _ => Build<T>(model, members));
    }

    private static Expression<Func<T, T>>? Build<T>(IModel model, IReadOnlySet<string> members)
    {
        var entityType = model.FindEntityType(typeof(T));
        if (entityType is null || typeof(T).GetConstructor(Type.EmptyTypes) is null)
            return null;
        var keys = entityType.FindPrimaryKey()?.Properties.Select(p => p.Name).ToHashSet() ?? [];
        var source = Expression.Parameter(typeof(T), "x");
        var bindings = new List<MemberBinding>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.PropertyInfo is not { CanWrite: true } clrProperty || property.IsShadowProperty())
                continue;
            if (!keys.Contains(property.Name) && !members.Contains(property.Name))
                continue;
            bindings.Add(Expression.Bind(clrProperty, Expression.Property(source, clrProperty)));
        }
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), source);
    }

    internal static PropertyInfo? Property(Type type, string name)
        => type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
}
