using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Parses a document no deeper than <see cref="GraphQLServerOptions.MaxParserDepth"/> and refuses
/// it when it exceeds one of <see cref="DocumentLimits"/>, so nothing after parsing ever sees a
/// document over the limits. Parsing is linear in the request, which the body limit bounds.
/// </summary>
public sealed class LimitedDocumentBuilder(GraphQLServerOptions limits) : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = limits.MaxParserDepth };

    public GraphQLDocument Build(string body)
    {
        GraphQLDocument document;
        try
        {
            document = _parser.Build(body);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw new ParserDepthError();
        }
        if (DocumentLimits.Check(document, limits) is { } error)
            throw error;
        return document;
    }
}
