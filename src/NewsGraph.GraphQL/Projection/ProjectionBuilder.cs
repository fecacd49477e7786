using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NewsGraph.GraphQL.Projection;

/// <summary>
/// <c>x =&gt; new T { Id = x.Id, Headline = x.Headline }</c>: the entity with only the mapped
/// columns a selection needs, so a list that does not show the body does not read it.
/// Keys are always read; relations are left to DataLoaders, but for a reference navigation the
/// selection joins (<see cref="ProjectionExtensions.Joins"/>: <c>Speaker.</c> and the members as
/// <c>Speaker.Name</c>). Built once per entity and member set.
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
        foreach (var navigation in entityType.GetNavigations())
        {
            if (navigation.IsCollection || navigation.PropertyInfo is not { CanWrite: true } clrNavigation || !members.Contains(navigation.Name + "."))
                continue;
            if (Joined(model, Expression.Property(source, clrNavigation), Nested(members, navigation.Name)) is not { } joined)
                return null;
            bindings.Add(Expression.Bind(clrNavigation, joined));
        }
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), source);
    }

    /// <summary><c>x.Speaker == null ? null : new Person { Id = x.Speaker.Id, ... }</c>: a LEFT JOIN reading the selected columns.</summary>
    private static ConditionalExpression? Joined(IModel model, MemberExpression navigation, IReadOnlySet<string> members)
    {
        var build = typeof(ProjectionBuilder).GetMethod(nameof(Build), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(navigation.Type);
        if (build.Invoke(null, [model, members]) is not LambdaExpression projection)
            return null;
        var none = Expression.Constant(null, navigation.Type);
        return Expression.Condition(Expression.Equal(navigation, none), none, Linq.ExpressionRewriter.Inline(projection, navigation));
    }

    /// <summary>The members under <c>navigation.</c>, without the prefix.</summary>
    private static HashSet<string> Nested(IReadOnlySet<string> members, string navigation)
    {
        var prefix = navigation + ".";
        return members.Where(m => m.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(m => m[prefix.Length..])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    internal static PropertyInfo? Property(Type type, string name)
        => type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
}
