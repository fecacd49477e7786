using System.Globalization;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// A mutation's <c>input</c> as sent, so an update can tell a field left out (keep) from a field
/// set to null (clear), with global IDs decoded into typed errors instead of exceptions.
/// </summary>
public sealed class MutationInput(IDictionary<string, object?> fields)
{
    public bool Has(string name) => fields.ContainsKey(name);

    public string? Raw(string name) => fields.TryGetValue(name, out var value) ? value as string : null;

    /// <summary>The string trimmed; null when absent or blank.</summary>
    public string? Text(string name) => Raw(name)?.Trim() is { Length: > 0 } text ? text : null;

    public int? Number(string name) => fields.TryGetValue(name, out var value) && value is not null ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    public bool? Bool(string name) => fields.TryGetValue(name, out var value) ? value as bool? : null;

    public T? Value<T>(string name) => fields.TryGetValue(name, out var value) && value is T typed ? typed : default;

    public IReadOnlyList<string> Strings(string name)
        => fields.TryGetValue(name, out var value) && value is IEnumerable<object?> items ? [.. items.OfType<string>()] : [];

    public MutationInput? Nested(string name)
        => fields.TryGetValue(name, out var value) && value is IDictionary<string, object?> nested ? new MutationInput(nested) : null;

    /// <summary>The key of a global ID of <paramref name="typeName"/>, or an error naming the field.</summary>
    public int? Id(string name, string typeName, List<MutationError> errors)
    {
        var value = fields.TryGetValue(name, out var raw) ? Convert.ToString(raw, CultureInfo.InvariantCulture) : null;
        if (value is null)
            return null;
        if (GlobalId.TryParseInt(value, typeName, out var id))
            return id;
        errors.Add(new InvalidInputError($"`{value}` is not the ID of a {typeName}.", name, "INVALID_ID"));
        return null;
    }

    /// <summary>The keys of a list of global IDs of <paramref name="typeName"/>; an error names the first bad one.</summary>
    public IReadOnlyList<int> Ids(string name, string typeName, List<MutationError> errors)
    {
        var ids = new List<int>();
        foreach (var value in Strings(name))
        {
            if (GlobalId.TryParseInt(value, typeName, out var id))
            {
                ids.Add(id.Value);
                continue;
            }
            errors.Add(new InvalidInputError($"`{value}` is not the ID of a {typeName}.", name, "INVALID_ID"));
            break;
        }
        return ids;
    }
}
