using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// The checks every mutation input goes through, with their messages, collecting every problem
/// so a payload reports them all at once. Length limits come from the entities (the same
/// constants their EF configurations use).
/// </summary>
public sealed class InputValidator
{
    private readonly List<MutationError> _errors = [];

    public IReadOnlyList<MutationError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(MutationError error) => _errors.Add(error);

    /// <summary>True when a check of <paramref name="field"/> failed.</summary>
    public bool Rejected(string field) => _errors.OfType<InvalidInputError>().Any(e => e.Field == field);

    /// <summary>
    /// The text trimmed, null when blank; an error (and null) when it is required and blank or longer
    /// than <paramref name="maxLength"/>. <paramref name="subject"/> names it in the message (default: <c>`field`</c>).
    /// </summary>
    public string? Text(string? value, string field, int maxLength, bool required = false, string? subject = null)
    {
        var text = Trimmed(value);
        if ((required && text is null) || text?.Length > maxLength)
        {
            _errors.Add(new InvalidInputError($"{subject ?? $"`{field}`"} must have {(required ? "between 1 and" : "at most")} {maxLength} characters.", field));
            return null;
        }
        if (text?.Contains('\0', StringComparison.Ordinal) == true)
        {
            // PostgreSQL cannot store it; refused on both databases, so they hold the same text.
            _errors.Add(new InvalidInputError($"{subject ?? $"`{field}`"} must not contain a NUL character.", field));
            return null;
        }
        return text;
    }

    /// <summary><see cref="Text"/> of a field that may be left out; a rejected one is left out.</summary>
    public Optional<string?> Text(Optional<string?> value, string field, int maxLength, bool required = false)
    {
        if (!value.IsSet)
            return value;
        var text = Text(value.Value, field, maxLength, required);
        return Rejected(field) ? default : new(true, text);
    }

    /// <summary>The key of a global ID of <paramref name="typeName"/>; null when absent or, with an error, when it is not one.</summary>
    public int? Id(string? globalId, string field, string typeName)
    {
        if (globalId is null)
            return null;
        if (GlobalId.TryParseInt(globalId, typeName, out var id))
            return id;
        _errors.Add(NotAnId(globalId, field, typeName));
        return null;
    }

    /// <summary>The keys of a list of global IDs of <paramref name="typeName"/>; an error names the first bad one, and the keys stop there.</summary>
    public IReadOnlyList<int> Ids(IReadOnlyList<string>? globalIds, string field, string typeName)
    {
        var ids = new List<int>();
        foreach (var value in globalIds ?? [])
        {
            if (!GlobalId.TryParseInt(value, typeName, out var id))
            {
                _errors.Add(NotAnId(value, field, typeName));
                break;
            }
            ids.Add(id.Value);
        }
        return ids;
    }

    /// <summary>The trimmed text, null when absent or blank.</summary>
    public static string? Trimmed(string? value) => value?.Trim() is { Length: > 0 } text ? text : null;

    private static InvalidInputError NotAnId(string value, string field, string typeName)
        => new($"`{value}` is not the ID of a {typeName}.", field, "INVALID_ID");
}
