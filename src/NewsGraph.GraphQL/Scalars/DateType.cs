using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Scalars;

/// <summary>Hot Chocolate's <c>Date</c> scalar (v14 name) for a calendar date: <c>2020-07-20</c>.</summary>
public sealed class DateType : ScalarGraphType
{
    private const string Format = "yyyy-MM-dd";

    public DateType()
    {
        Name = "Date";
        Description = "The `Date` scalar represents an ISO-8601 compliant date type.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString(Format, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text when DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        DateOnly date => date,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => ParseValue((string)text.Value),
        _ => ThrowLiteralConversionError(value),
    };
}
