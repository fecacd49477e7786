using System.Globalization;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// The fields of one input object as GraphQL.NET coerced them, read by name once, in the input
/// graph type's <see cref="InputGraphType{TInput}.Bind"/>; everything after works on the typed record.
/// Only fields the request gave are present, which is how a field left out is told from a null.
/// </summary>
public readonly struct InputFields(IDictionary<string, object?> values)
{
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>The value, or default when left out or null.</summary>
    public T? Value<T>(string name) => values.TryGetValue(name, out var value) && value is T typed ? typed : default;

    /// <summary>An <c>ID</c> as text (GraphQL.NET gives integer literals as numbers).</summary>
    public string? Id(string name) => values.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    public int? Number(string name) => values.TryGetValue(name, out var value) && value is not null ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    /// <summary>A list of strings or IDs; null when left out or null.</summary>
    public IReadOnlyList<string>? Strings(string name)
        => values.TryGetValue(name, out var value) && value is IEnumerable<object?> items
            ? [.. items.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)).OfType<string>()]
            : null;

    /// <summary>Present or left out, with its value read by <paramref name="read"/>.</summary>
    public Optional<T> Optional<T>(string name, Func<InputFields, string, T> read) => Has(name) ? new(true, read(this, name)) : default;

    public Optional<string?> OptionalText(string name) => Optional(name, (f, n) => f.Value<string>(n));

    public Optional<T?> OptionalValue<T>(string name) => Optional(name, (f, n) => f.Value<T>(n));

    public Optional<IReadOnlyList<string>?> OptionalStrings(string name) => Optional(name, (f, n) => f.Strings(n));
}
