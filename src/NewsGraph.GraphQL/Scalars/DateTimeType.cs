using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Scalars;

/// <summary>
/// Hot Chocolate's <c>DateTime</c> scalar: an ISO 8601 instant that keeps its UTC offset
/// (<c>2020-11-23T15:52:00.000+09:00</c>). Input must carry an offset or <c>Z</c>, so a value is
/// never read in the server's own time zone by accident.
/// </summary>
public sealed class DateTimeType : ScalarGraphType
{
    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    public DateTimeType()
    {
        Name = "DateTime";
        Description = "The `DateTime` scalar represents an ISO-8601 compliant date time type.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset dto => dto.ToString(OutputFormat, CultureInfo.InvariantCulture),
        DateTime { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc).ToString(OutputFormat, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text) ?? ThrowValueConversionError(value),
        DateTimeOffset dto => dto,
        DateTime { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse((string)text.Value) ?? ThrowLiteralConversionError(value),
        _ => ThrowLiteralConversionError(value),
    };

    private static DateTimeOffset? Parse(string text)
    {
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z')
            || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;
    }
}
