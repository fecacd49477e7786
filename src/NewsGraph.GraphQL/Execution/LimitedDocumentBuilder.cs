using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Parses a document no deeper than <see cref="GraphQLServerOptions.MaxParserDepth"/> and refuses
/// it when it exceeds one of <see cref="DocumentLimits"/>, so nothing after parsing ever sees a
/// document over the limits. Parsing is linear in the request, which the body limit bounds; so is
/// a syntax error, because documents with long lines are parsed as a <see cref="LongLineCopy"/> first.
/// </summary>
public sealed class LimitedDocumentBuilder(GraphQLServerOptions limits) : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = limits.MaxParserDepth };

    public GraphQLDocument Build(string body)
    {
        GraphQLDocument document;
        try
        {
            if (LongLineCopy.For(body) is { } copy)
            {
                try
                {
                    _parser.Build(copy.Text);
                }
                catch (SyntaxError syntaxError) when (syntaxError.InnerException is GraphQLParserException inCopy)
                {
                    throw copy.ErrorFor(inCopy);
                }
            }
            // Parsed as sent, for the locations of later errors; the copy has the same tokens, so this parses too.
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
