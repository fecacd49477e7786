using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace NewsGraph.GraphQL.Caching;

/// <summary>Wraps the resolvers of fields with declared keys so that resolving them adds the keys.</summary>
public sealed class ResponseKeysVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (field.GetMetadata<Func<IResolveFieldContext, ValueTask<IEnumerable<string>>>>(ResponseKeyExtensions.FieldKeysKey) is { } keys
            && field.Resolver is not KeyReportingResolver)
            field.Resolver = new KeyReportingResolver(field.Resolver ?? NameFieldResolver.Instance, keys);
    }

    private sealed class KeyReportingResolver(IFieldResolver inner, Func<IResolveFieldContext, ValueTask<IEnumerable<string>>> keys) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            if (ResponseKeys.Of(context.UserContext) is not { } collected)
                return inner.ResolveAsync(context);
            var found = keys(context);
            if (!found.IsCompletedSuccessfully)
                return AddThenResolveAsync(found, collected, context);
            collected.Add(found.Result);
            return inner.ResolveAsync(context);
        }

        private async ValueTask<object?> AddThenResolveAsync(ValueTask<IEnumerable<string>> found, ResponseKeys collected, IResolveFieldContext context)
        {
            collected.Add(await found.ConfigureAwait(false));
            return await inner.ResolveAsync(context).ConfigureAwait(false);
        }
    }
}
