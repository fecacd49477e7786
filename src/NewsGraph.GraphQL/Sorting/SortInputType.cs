using System.Linq.Expressions;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Sorting;

/// <summary>
/// Hot Chocolate's <c>XSortInput</c> for an entity <typeparamref name="T"/>: one <c>SortEnumType</c>
/// field per sortable member and one nested sort input per to-one relation, declared in the
/// subclass's constructor. <c>ArticleSortInputType</c> is published as <c>ArticleSortInput</c>.
/// </summary>
public abstract class SortInputType<T> : InputObjectGraphType, ISortInputType
{
    internal const string MemberKey = "sort:member";

    protected SortInputType()
    {
        var name = GetType().Name;
        Name = name.EndsWith("Type", StringComparison.Ordinal) ? name[..^4] : name;
    }

    public Type EntityType => typeof(T);

    protected void Field<TValue>(string name, Expression<Func<T, TValue>> member)
        => AddField(new FieldType { Name = name, Type = typeof(SortEnumGraphType) }).Metadata[MemberKey] = member;

    /// <summary>A to-one relation, sorted by the related entity's members.</summary>
    protected void ObjectField<TSortInputType, TRelated>(string name, Expression<Func<T, TRelated?>> member)
        where TSortInputType : SortInputType<TRelated>
        => AddField(new FieldType { Name = name, Type = typeof(TSortInputType) }).Metadata[MemberKey] = member;
}
