using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Execution;

public sealed class PathLimitError : ValidationError
{
    public PathLimitError(string code, string message, Dictionary<string, object?> extensions)
        : base(message)
    {
        Code = code;
        Extensions = extensions;
    }

    public PathLimitError(string code, string message, ValidationContext context, GraphQLField field, IEnumerable<object> path)
        : base(context.Document.Source, null!, message, field)
    {
        Code = code;
        Path = [.. path];
    }
}
