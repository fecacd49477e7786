using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

/// <summary>
/// What a request's <c>where</c> requires of every result, for a feature that can narrow its query
/// before the filter runs (an index lookup): the operands of operations on one member, in the
/// filter object itself and in its <c>and</c> lists, never under <c>or</c> or <c>not</c>. Handed to
/// the hook of <see cref="Fields.QueryFieldBuilder{TSource,TEntity,TSelf}.Narrow{TDbContext}"/>.
/// </summary>
public sealed class FilterRequirements<T>
{
    private readonly IComplexGraphType? _type;
    private readonly IDictionary<string, object?>? _filter;

    internal FilterRequirements(IGraphType? filterType, object? where)
    {
        _type = filterType is null ? null : Unwrap(filterType) as IComplexGraphType;
        _filter = where as IDictionary<string, object?>;
    }

    /// <summary>The operands that <paramref name="operations"/> (<see cref="FilterOperations"/>) on <paramref name="member"/> require.</summary>
    public IEnumerable<object> Operands<TValue>(Expression<Func<T, TValue>> member, params string[] operations)
    {
        if (_type is null || _filter is null || member.Body is not MemberExpression { Member: var wanted })
            return [];
        var field = _type.Fields.FirstOrDefault(f => f.Metadata.TryGetValue(FilterInputType<object>.MemberKey, out var m)
                                                     && m is LambdaExpression { Body: MemberExpression { Member: var declared } } && SameMember(declared, wanted));
        return field is null ? [] : Collect(_filter, field.Name, operations);
    }

    private static IEnumerable<object> Collect(IDictionary<string, object?> filter, string field, string[] operations)
    {
        if (filter.TryGetValue(field, out var value) && value is IDictionary<string, object?> given)
        {
            foreach (var operation in operations)
            {
                if (given.TryGetValue(operation, out var operand) && operand is not null)
                    yield return operand;
            }
        }
        if (filter.TryGetValue("and", out var and) && and is IEnumerable<object?> all)
        {
            foreach (var part in all.OfType<IDictionary<string, object?>>())
            {
                foreach (var operand in Collect(part, field, operations))
                    yield return operand;
            }
        }
    }

    private static bool SameMember(MemberInfo a, MemberInfo b) => a.Name == b.Name && a.DeclaringType == b.DeclaringType;

    private static IGraphType Unwrap(IGraphType type) => type is NonNullGraphType nonNull ? Unwrap(nonNull.ResolvedType!) : type;
}
