using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Scalars;

/// <summary>Hot Chocolate's <c>UUID</c> scalar: a GUID as 32 hex digits with hyphens.</summary>
public sealed class UuidType : ScalarGraphType
{
    public UuidType()
    {
        Name = "UUID";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        Guid guid => guid.ToString("D"),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        Guid guid => guid,
        string text when Guid.TryParse(text, out var guid) => guid,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => ParseValue((string)text.Value),
        _ => ThrowLiteralConversionError(value),
    };
}
