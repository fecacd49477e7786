using System.Collections;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// The rules a cached document is checked with (<see cref="ExecutionOptions.CachedDocumentValidationRules"/>),
/// marked so that <see cref="CachedDocumentValidator"/> recognises them. Any other validator sees a plain list.
/// </summary>
public sealed class CachedDocumentRules(IEnumerable<IValidationRule> rules) : IEnumerable<IValidationRule>
{
    public IReadOnlyList<IValidationRule> Rules { get; } = [.. rules];

    public IEnumerator<IValidationRule> GetEnumerator() => Rules.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Validates a cached document without walking it for the rules. GraphQL.NET's validator walks the
/// whole document (with its <see cref="TypeInfo"/>) whenever any rule is given, even when no rule
/// visits a node; for a cached document the spec's rules have passed already and our rules work
/// from the operation (allowed operation kinds, introspection, path limits, cost). So a cached
/// document's rules run here, around the default validator called with no rules, which still
/// coerces the variables and parses the arguments (both the request's own). A rule that does return
/// a node visitor still gets its walk. The deadline is checked once here (a cached document is not
/// walked for <see cref="DeadlineRule"/>; the cost analysis checks it per field).
/// </summary>
public sealed class CachedDocumentValidator(IDocumentValidator inner) : IDocumentValidator
{
    private static readonly IValidationRule[] NoRules = [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        => options.Rules is CachedDocumentRules cached
            ? ValidateCachedAsync(options, cached.Rules)
            : inner.ValidateAsync(options);

    private async Task<IValidationResult> ValidateCachedAsync(ValidationOptions options, IReadOnlyList<IValidationRule> rules)
    {
        options.CancellationToken.ThrowIfCancellationRequested();
        var context = new ValidationContext
        {
            Schema = options.Schema,
            Document = options.Document,
            Operation = options.Operation,
            UserContext = options.UserContext,
            Variables = options.Variables,
            Extensions = options.Extensions,
            Metrics = options.Metrics,
            RequestServices = options.RequestServices,
            User = options.User,
            CancellationToken = options.CancellationToken,
        };

        List<INodeVisitor>? visitors = null;
        foreach (var rule in rules)
        {
            if (await rule.GetPreNodeVisitorAsync(context).ConfigureAwait(false) is { } visitor)
                (visitors ??= []).Add(visitor);
            if (await rule.GetVariableVisitorAsync(context).ConfigureAwait(false) is not null)
                throw new InvalidOperationException($"{rule.GetType().Name} visits variables, which cached documents do not support; register it without useForCachedDocuments.");
        }
        await WalkAsync(context, visitors).ConfigureAwait(false);
        if (context.HasErrors)
            return new ValidationResult(context.Errors);

        var result = await inner.ValidateAsync(options with { Rules = NoRules }).ConfigureAwait(false);
        if (!result.IsValid)
            return result;

        context.ArgumentValues = AsDictionary(result.ArgumentValues);
        context.DirectiveValues = AsDictionary(result.DirectiveValues);
        visitors = null;
        foreach (var rule in rules)
        {
            if (await rule.GetPostNodeVisitorAsync(context).ConfigureAwait(false) is { } visitor)
                (visitors ??= []).Add(visitor);
        }
        await WalkAsync(context, visitors).ConfigureAwait(false);
        return context.HasErrors
            ? new ValidationResult(context.Errors)
            {
                Variables = result.Variables,
                ArgumentValues = result.ArgumentValues,
                DirectiveValues = result.DirectiveValues,
            }
            : result;
    }

    private static async ValueTask WalkAsync(ValidationContext context, List<INodeVisitor>? visitors)
    {
        if (visitors is null)
            return;
        context.TypeInfo = new TypeInfo(context.Schema);
        visitors.Insert(0, context.TypeInfo);
        await new BasicVisitor(visitors).VisitAsync(context.Document, new BasicVisitor.State(context)).ConfigureAwait(false);
    }

    private static Dictionary<TKey, TValue>? AsDictionary<TKey, TValue>(IReadOnlyDictionary<TKey, TValue>? values)
        where TKey : notnull
        => values as Dictionary<TKey, TValue> ?? values?.ToDictionary();
}
