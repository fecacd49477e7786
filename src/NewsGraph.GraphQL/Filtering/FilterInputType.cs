using System.Linq.Expressions;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

/// <summary>
/// Hot Chocolate's <c>XFilterInput</c> for an entity <typeparamref name="T"/>: <c>and</c> and
/// <c>or</c> (and <c>not</c>, a NewsGraph addition) followed by one field per filterable member,
/// declared in the subclass's constructor. The type is named after the class:
/// <c>ArticleFilterInputType</c> is published as <c>ArticleFilterInput</c>.
/// Every field maps to a member expression that EF Core translates, so filters run in SQL.
/// </summary>
public abstract class FilterInputType<T> : InputObjectGraphType, IFilterInputType
{
    internal const string MemberKey = "filter:member";
    internal const string NodeTypeKey = "filter:nodeType";

    protected FilterInputType()
    {
        var name = GetType().Name;
        Name = name.EndsWith("Type", StringComparison.Ordinal) ? name[..^4] : name;
        var self = new GraphQLTypeReference(Name);
        AddField(new FieldType { Name = "and", ResolvedType = new ListGraphType(new NonNullGraphType(self)) });
        AddField(new FieldType { Name = "or", ResolvedType = new ListGraphType(new NonNullGraphType(self)) });
        AddField(new FieldType
        {
            Name = "not",
            ResolvedType = new GraphQLTypeReference(Name),
            Description = "Matches what the given filter does not match. A NewsGraph addition.",
        });
    }

    public Type EntityType => typeof(T);

    /// <summary>
    /// A scalar member, or a list of scalars; the operation type follows the CLR type
    /// (string → StringOperationFilterInput, DateTime → DateTimeOperationFilterInput...).
    /// </summary>
    protected void Field<TValue>(string name, Expression<Func<T, TValue>> member, string? description = null)
        => Add(name, OperationTypeFor(typeof(TValue), name), member, description);

    /// <summary>An enum member, filtered with <c>{Enum}OperationFilterInput</c>.</summary>
    protected void EnumField<TEnumGraphType, TValue>(string name, Expression<Func<T, TValue>> member, string? description = null)
        where TEnumGraphType : EnumerationGraphType, new()
        => Add(name, typeof(EnumOperationFilterInputType<TEnumGraphType>), member, description);

    /// <summary>An integer key exposed as a global ID of <paramref name="nodeTypeName"/>; operands are decoded.</summary>
    protected void IdField(string name, Expression<Func<T, int>> member, string nodeTypeName)
        => Add(name, typeof(IdOperationFilterInputType), member, null).Metadata[NodeTypeKey] = nodeTypeName;

    /// <summary>A to-one relation, filtered with the related entity's filter.</summary>
    protected void ObjectField<TFilterInputType, TRelated>(string name, Expression<Func<T, TRelated?>> member, string? description = null)
        where TFilterInputType : FilterInputType<TRelated>
        => Add(name, typeof(TFilterInputType), member, description);

    /// <summary>A to-many relation: <c>some</c>, <c>all</c>, <c>none</c>, <c>any</c> over the related entity's filter.</summary>
    protected void ListField<TFilterInputType, TRelated>(string name, Expression<Func<T, IEnumerable<TRelated>>> member, string? description = null)
        where TFilterInputType : FilterInputType<TRelated>, new()
        => Add(name, typeof(ListFilterInputType<TFilterInputType>), member, description);

    private FieldType Add(string name, Type graphType, LambdaExpression member, string? description)
    {
        var field = AddField(new FieldType { Name = name, Type = graphType, Description = description });
        field.Metadata[MemberKey] = member;
        return field;
    }

    private static Type OperationTypeFor(Type type, string field)
    {
        if (type != typeof(string) && type.IsGenericType && typeof(IEnumerable<>).MakeGenericType(type.GetGenericArguments()[0]).IsAssignableFrom(type))
        {
            var element = OperationTypeFor(type.GetGenericArguments()[0], field);
            return typeof(ListOperationFilterInputType<>).MakeGenericType(element);
        }
        var scalar = Nullable.GetUnderlyingType(type) ?? type;
        return scalar switch
        {
            _ when scalar == typeof(string) => typeof(StringOperationFilterInputType),
            _ when scalar == typeof(bool) => typeof(BooleanOperationFilterInputType),
            _ when scalar == typeof(int) || scalar == typeof(short) || scalar == typeof(byte) => typeof(IntOperationFilterInputType),
            _ when scalar == typeof(long) => typeof(LongOperationFilterInputType),
            _ when scalar == typeof(double) || scalar == typeof(float) => typeof(FloatOperationFilterInputType),
            _ when scalar == typeof(decimal) => typeof(DecimalOperationFilterInputType),
            _ when scalar == typeof(DateTime) || scalar == typeof(DateTimeOffset) => typeof(DateTimeOperationFilterInputType),
            _ when scalar == typeof(DateOnly) => typeof(DateOperationFilterInputType),
            _ when scalar == typeof(Guid) => typeof(UuidOperationFilterInputType),
            _ => throw new InvalidOperationException(
                $"Filter field `{field}` has type {type.Name}; declare enums with EnumField, relations with ObjectField or ListField."),
        };
    }
}
