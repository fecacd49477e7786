using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's depth and complexity analysis with one error per exceeded limit, each with its
/// own code and the figures in <c>extensions</c>. Registered for cached documents too: page sizes
/// come from variables, so a cached document can be cheap once and expensive the next time.
/// </summary>
public sealed class LimitsValidationRule(ComplexityOptions options) : ComplexityValidationRule(options)
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (maxDepth > Options.MaxDepth)
        {
            context.ReportError(new LimitExceededError(
                ErrorCodes.MaxDepthExceeded,
                $"The GraphQL document has an execution depth of {maxDepth} which exceeds the max allowed execution depth of {Options.MaxDepth}.",
                new() { ["detectedExecutionDepth"] = maxDepth, ["allowedExecutionDepth"] = Options.MaxDepth }));
        }
        if (totalComplexity > Options.MaxComplexity)
        {
            context.ReportError(new LimitExceededError(
                ErrorCodes.MaxComplexityExceeded,
                $"The GraphQL document has a complexity of {totalComplexity:0} which exceeds the max allowed complexity of {Options.MaxComplexity}.",
                new() { ["complexity"] = Math.Round(totalComplexity), ["allowedComplexity"] = Options.MaxComplexity }));
        }
        return default;
    }
}

public sealed class LimitExceededError : ValidationError
{
    public LimitExceededError(string code, string message, Dictionary<string, object?> extensions)
        : base(message)
    {
        Code = code;
        Extensions = extensions;
    }
}
