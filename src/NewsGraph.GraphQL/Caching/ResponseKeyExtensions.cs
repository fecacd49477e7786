using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Caching;

/// <summary>How a schema says which keys its responses depend on (see <see cref="ResponseKeys"/>).</summary>
public static class ResponseKeyExtensions
{
    internal const string TypeKeysKey = "responseKeys:type";
    internal const string FieldKeysKey = "responseKeys:field";

    /// <summary>Every object of this type in a response adds <paramref name="keys"/> of it (<c>book:7</c>).</summary>
    public static void ResponseKeys<TSource>(this ComplexGraphType<TSource> type, Func<TSource, IEnumerable<string>> keys)
        => type.Metadata[TypeKeysKey] = (Func<object, IEnumerable<string>>)(source => keys((TSource)source));

    /// <summary>
    /// Resolving this field adds <paramref name="keys"/>, worked out from its arguments and parent:
    /// the list a field reads (<c>books</c>, <c>shelf:3</c>) changes when an item is added, which
    /// the items' own keys cannot say.
    /// </summary>
    public static FieldType ResponseKeys(this FieldType field, Func<IResolveFieldContext, IEnumerable<string>> keys)
        => field.ResponseKeysAsync(context => ValueTask.FromResult(keys(context)));

    /// <summary>As <see cref="ResponseKeys(FieldType, Func{IResolveFieldContext, IEnumerable{string}})"/>, for keys that take a lookup to work out.</summary>
    public static FieldType ResponseKeysAsync(this FieldType field, Func<IResolveFieldContext, ValueTask<IEnumerable<string>>> keys)
    {
        field.Metadata[FieldKeysKey] = keys;
        return field;
    }

    /// <inheritdoc cref="ResponseKeys(FieldType, Func{IResolveFieldContext, IEnumerable{string}})"/>
    public static FieldBuilder<TSource, TReturn> ResponseKeys<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> builder, Func<IResolveFieldContext<TSource>, IEnumerable<string>> keys)
    {
        builder.FieldType.ResponseKeys(context => keys(context.As<TSource>()));
        return builder;
    }

    /// <inheritdoc cref="ResponseKeysAsync(FieldType, Func{IResolveFieldContext, ValueTask{IEnumerable{string}}})"/>
    public static FieldBuilder<TSource, TReturn> ResponseKeysAsync<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> builder, Func<IResolveFieldContext<TSource>, ValueTask<IEnumerable<string>>> keys)
    {
        builder.FieldType.ResponseKeysAsync(context => keys(context.As<TSource>()));
        return builder;
    }

    /// <summary>Adds <paramref name="keys"/> to the response being resolved, from a resolver or a DataLoader that knows them.</summary>
    public static void AddResponseKeys(this IResolveFieldContext context, params IEnumerable<string> keys)
        => Caching.ResponseKeys.Of(context.UserContext)?.Add(keys);
}
