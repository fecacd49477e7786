using GraphQL.Execution;

namespace NewsGraph.GraphQL.Execution;

/// <summary>A document over one of <see cref="DocumentLimits"/>, refused before validation.</summary>
public sealed class DocumentLimitError : RequestError
{
    public DocumentLimitError(string code, string message, Dictionary<string, object?> extensions)
        : base(message)
    {
        Code = code;
        Extensions = extensions;
    }
}
