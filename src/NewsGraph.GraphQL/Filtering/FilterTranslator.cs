using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Linq;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Filtering;

/// <summary>
/// Turns a <c>where</c> value into a predicate over the entity. Operands become SQL parameters;
/// semantics follow Hot Chocolate's: fields of one object are AND-ed, a null field is ignored,
/// <c>eq: null</c> tests for null, a null operand of any other operation is an HC0026 error.
/// </summary>
public static class FilterTranslator
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StringSubstring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;
    private static readonly PropertyInfo StringLength = typeof(string).GetProperty(nameof(string.Length))!;

    /// <summary>The predicate of <paramref name="value"/> (the argument of type <paramref name="filterType"/>), or null when it asks for nothing.</summary>
    public static Expression<Func<T, bool>>? ToPredicate<T>(IGraphType filterType, object? value)
    {
        if (value is not IDictionary<string, object?> filter)
            return null;
        var entity = Expression.Parameter(typeof(T), "x");
        var body = Object((IComplexGraphType)Unwrap(filterType), filter, entity);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, entity);
    }

    private static Expression? Object(IComplexGraphType type, IDictionary<string, object?> filter, Expression target)
    {
        var parts = new List<Expression>();
        foreach (var (name, value) in filter)
        {
            if (value is null)
                continue;
            switch (name)
            {
                case "and":
                    parts.AddIfNotNull(AllOf(Items(value).Select(item => Object(type, Map(item), target))));
                    break;
                case "or":
                    parts.AddIfNotNull(AnyOf(Items(value).Select(item => Object(type, Map(item), target))));
                    break;
                case "not":
                    if (Object(type, Map(value), target) is { } negated)
                        parts.Add(Expression.Not(negated));
                    break;
                default:
                    var field = type.GetField(name) ?? throw new InvalidOperationException($"{type.Name} has no field {name}.");
                    var member = ExpressionRewriter.Inline((LambdaExpression)field.Metadata[FilterInputType<object>.MemberKey]!, target);
                    parts.AddIfNotNull(Field(field, member, Map(value)));
                    break;
            }
        }
        return AllOf(parts);
    }

    private static Expression? Field(FieldType field, Expression member, IDictionary<string, object?> value)
        => Unwrap(field.ResolvedType!) switch
        {
            IFilterInputType and IComplexGraphType related => Object(related, value, member),
            IListFilterInputType and IComplexGraphType list => List(list, member, value, field),
            OperationFilterInputType operations => Operations(operations, member, value, field),
            var other => throw new InvalidOperationException($"Filter field {field.Name} has an unsupported type {other.Name}."),
        };

    private static Expression? List(IComplexGraphType listType, Expression collection, IDictionary<string, object?> filter, FieldType field)
    {
        var elementType = ElementType(collection.Type);
        var elementFilter = Unwrap(listType.GetField("some")!.ResolvedType!);
        var parts = new List<Expression>();
        foreach (var (operation, value) in filter)
        {
            if (value is null)
                continue;
            if (operation == "any")
            {
                var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], collection);
                parts.Add((bool)value ? any : Expression.Not(any));
                continue;
            }
            var element = Expression.Parameter(elementType, "e");
            var body = elementFilter switch
            {
                OperationFilterInputType operations => Operations(operations, element, Map(value), field),
                IComplexGraphType related => Object(related, Map(value), element),
                _ => null,
            } ?? Expression.Constant(true);
            var predicate = Expression.Lambda(body, element);
            parts.Add(operation switch
            {
                "some" => Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], collection, predicate),
                "all" => Expression.Call(typeof(Enumerable), nameof(Enumerable.All), [elementType], collection, predicate),
                "none" => Expression.Not(Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], collection, predicate)),
                _ => throw new InvalidOperationException($"Unknown list operation {operation}."),
            });
        }
        return AllOf(parts);
    }

    private static Expression? Operations(OperationFilterInputType type, Expression member, IDictionary<string, object?> filter, FieldType field)
    {
        var parts = new List<Expression>();
        foreach (var (operation, value) in filter)
        {
            if (member.Type == typeof(string) && HoldsNul(value))
            {
                // neq, ncontains...: true for every row; eq, contains...: for none.
                parts.Add(Expression.Constant(operation.StartsWith('n')));
                continue;
            }
            switch (operation)
            {
                case "and":
                    if (value is not null)
                        parts.AddIfNotNull(AllOf(Items(value).Select(item => Operations(type, member, Map(item), field))));
                    continue;
                case "or":
                    if (value is not null)
                        parts.AddIfNotNull(AnyOf(Items(value).Select(item => Operations(type, member, Map(item), field))));
                    continue;
                case "eq":
                    parts.Add(Equal(member, value, field));
                    continue;
                case "neq":
                    parts.Add(Expression.Not(Equal(member, value, field)));
                    continue;
                case "in" or "nin":
                    if (value is null)
                        throw FilterErrors.NullNotSupported(operation, type.Name, $"[{OperandTypeName(type, operation)}]!");
                    var listType = typeof(List<>).MakeGenericType(member.Type);
                    var list = (IList)Activator.CreateInstance(listType)!;
                    foreach (var item in Items(value).Where(item => member.Type != typeof(string) || !HoldsNul(item)))
                        list.Add(item is null ? null : Operand(item, member.Type, field));
                    Expression contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type],
                        ExpressionRewriter.Parameter(list, listType), member);
                    parts.Add(operation == "in" ? contains : Expression.Not(contains));
                    continue;
            }

            if (value is null)
                throw FilterErrors.NullNotSupported(operation, type.Name, OperandTypeName(type, operation) + "!");
            parts.Add(Compare(operation, member, value, field));
        }
        return AllOf(parts);
    }

    /// <summary>A comparison or text operation on a value that is not null.</summary>
    private static Expression Compare(string operation, Expression member, object value, FieldType field) => operation switch
    {
        "gt" => Expression.GreaterThan(member, Parameter(member, value, field)),
        "ngt" => Expression.Not(Expression.GreaterThan(member, Parameter(member, value, field))),
        "gte" => Expression.GreaterThanOrEqual(member, Parameter(member, value, field)),
        "ngte" => Expression.Not(Expression.GreaterThanOrEqual(member, Parameter(member, value, field))),
        "lt" => Expression.LessThan(member, Parameter(member, value, field)),
        "nlt" => Expression.Not(Expression.LessThan(member, Parameter(member, value, field))),
        "lte" => Expression.LessThanOrEqual(member, Parameter(member, value, field)),
        "nlte" => Expression.Not(Expression.LessThanOrEqual(member, Parameter(member, value, field))),
        "contains" => StringCall(StringContains, member, value),
        "ncontains" => Expression.Not(StringCall(StringContains, member, value)),
        "startsWith" => StartsWith(member, (string)value),
        "nstartsWith" => Expression.Not(StartsWith(member, (string)value)),
        "endsWith" => EndsWith(member, (string)value),
        "nendsWith" => Expression.Not(EndsWith(member, (string)value)),
        "ieq" => Expression.Equal(Lower(member), ExpressionRewriter.Parameter(((string)value).ToLowerInvariant(), typeof(string))),
        "icontains" => StringCall(StringContains, Lower(member), ((string)value).ToLowerInvariant()),
        "istartsWith" => StartsWith(Lower(member), ((string)value).ToLowerInvariant()),
        _ => throw new InvalidOperationException($"Unknown filter operation {operation}."),
    };

    /// <summary>
    /// Text with a NUL character: no stored text holds one (PostgreSQL cannot store it, and mutations
    /// refuse it), so it matches nothing and is not sent to the database, where PostgreSQL would fail on it.
    /// </summary>
    private static bool HoldsNul(object? value) => value is string text && text.Contains('\0', StringComparison.Ordinal);

    private static BinaryExpression Equal(Expression member, object? value, FieldType field)
        => value is null
            ? Expression.Equal(member, Expression.Constant(null, member.Type))
            : Expression.Equal(member, Parameter(member, value, field));

    private static Expression Parameter(Expression member, object value, FieldType field)
        => ExpressionRewriter.Parameter(Operand(value, member.Type, field), member.Type);

    private static MethodCallExpression StringCall(MethodInfo method, Expression member, object value)
        => Expression.Call(member, method, ExpressionRewriter.Parameter((string)value, typeof(string)));

    private static MethodCallExpression Lower(Expression member) => Expression.Call(member, StringToLower);

    // String operations compare ordinally, as `eq` and `contains` do. SQLite's LIKE, which EF Core
    // uses for StartsWith/EndsWith, ignores ASCII case; a prefix is a range instead (which also
    // seeks in an index), a suffix a substring.
    private static BinaryExpression StartsWith(Expression member, string prefix)
    {
        var from = Expression.Call(StringCompare, member, ExpressionRewriter.Parameter(prefix, typeof(string)));
        var to = Expression.Call(StringCompare, member, ExpressionRewriter.Parameter(prefix + "\U0010FFFF", typeof(string)));
        return Expression.AndAlso(Expression.GreaterThanOrEqual(from, Expression.Constant(0)), Expression.LessThan(to, Expression.Constant(0)));
    }

    private static BinaryExpression EndsWith(Expression member, string suffix)
    {
        var length = Expression.Property(member, StringLength);
        var suffixLength = Expression.Constant(suffix.Length);
        var tail = Expression.Call(member, StringSubstring, Expression.Subtract(length, suffixLength));
        return Expression.AndAlso(
            Expression.GreaterThanOrEqual(length, suffixLength),
            Expression.Equal(tail, ExpressionRewriter.Parameter(suffix, typeof(string))));
    }

    /// <summary>The GraphQL value as the member's CLR type: global IDs decoded, instants in UTC, numbers widened.</summary>
    private static object Operand(object value, Type memberType, FieldType field)
    {
        if (field.Metadata.TryGetValue(FilterInputType<object>.NodeTypeKey, out var nodeType) && nodeType is string typeName)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (!GlobalId.TryParseInt(text, typeName, out var id))
            {
                throw new ExecutionError($"The node ID string `{text}` is not a valid `{typeName}` ID.")
                {
                    Code = GlobalIdArguments.InvalidIdCode,
                    Extensions = new() { ["field"] = field.Name, ["originalValue"] = text },
                };
            }
            value = id.Value;
        }
        var target = Nullable.GetUnderlyingType(memberType) ?? memberType;
        return value switch
        {
            _ when target.IsInstanceOfType(value) => value,
            DateTimeOffset instant when target == typeof(DateTime) => instant.UtcDateTime,
            DateTime time when target == typeof(DateTimeOffset) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            IConvertible when target.IsPrimitive || target == typeof(decimal) => Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"Cannot compare {value.GetType().Name} with {memberType.Name}."),
        };
    }

    private static string OperandTypeName(OperationFilterInputType type, string operation)
    {
        var operand = Unwrap(type.GetField(operation)!.ResolvedType!);
        return operand is ListGraphType list ? Unwrap(list.ResolvedType!).Name : operand.Name;
    }

    private static Expression? AllOf(IEnumerable<Expression?> parts)
        => parts.OfType<Expression>().Aggregate((Expression?)null, (all, part) => all is null ? part : Expression.AndAlso(all, part));

    private static Expression? AnyOf(IEnumerable<Expression?> parts)
        => parts.OfType<Expression>().Aggregate((Expression?)null, (any, part) => any is null ? part : Expression.OrElse(any, part));

    private static IGraphType Unwrap(IGraphType type) => type is NonNullGraphType nonNull ? Unwrap(nonNull.ResolvedType!) : type;

    private static IEnumerable<object?> Items(object value) => value as IEnumerable<object?> ?? [value];

    private static IDictionary<string, object?> Map(object? value)
        => value as IDictionary<string, object?> ?? throw new InvalidOperationException("A filter object was expected.");

    private static Type ElementType(Type collection)
        => collection.IsArray
            ? collection.GetElementType()!
            : (collection.IsGenericType && collection.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? collection
                : collection.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
              .GetGenericArguments()[0];

    private static void AddIfNotNull(this List<Expression> parts, Expression? part)
    {
        if (part is not null)
            parts.Add(part);
    }
}
