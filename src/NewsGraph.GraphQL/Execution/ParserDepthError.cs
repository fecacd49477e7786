using GraphQL.Execution;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

/// <summary>The document nests deeper than the parser accepts.</summary>
public sealed class ParserDepthError : RequestError
{
    public ParserDepthError()
        : base("The GraphQL document is nested too deeply to parse.")
    {
        Code = ErrorCodes.ParserDepthExceeded;
    }
}
