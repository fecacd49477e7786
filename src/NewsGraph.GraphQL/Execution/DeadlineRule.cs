using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Makes validation stop when the request's deadline passes: GraphQL.NET walks the document once
/// for all rules, and this rule's visitor checks the request's token at every node. The executer
/// turns the cancellation into the timeout error (HC0045).
/// </summary>
public sealed class DeadlineRule : ValidationRuleBase, INodeVisitor
{
    public static readonly DeadlineRule Instance = new();

    private DeadlineRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(this);

    public ValueTask EnterAsync(ASTNode node, ValidationContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        return default;
    }

    public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;
}
