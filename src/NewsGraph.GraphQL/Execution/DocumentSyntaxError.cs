using GraphQL.Execution;
using GraphQLParser;

namespace NewsGraph.GraphQL.Execution;

/// <summary>A document that does not parse, reported as GraphQL.NET's <see cref="SyntaxError"/> is, for a <see cref="LongLineCopy"/>.</summary>
public sealed class DocumentSyntaxError : DocumentError
{
    public DocumentSyntaxError(string description, Location location)
        : base("Error parsing query: " + description)
    {
        Code = "SYNTAX_ERROR";
        AddLocation(location);
    }
}
