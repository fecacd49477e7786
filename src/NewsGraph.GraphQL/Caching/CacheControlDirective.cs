using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Caching;

/// <summary>
/// Hot Chocolate's <c>@cacheControl(maxAge, sharedMaxAge, inheritMaxAge, scope, vary)</c>, with its
/// descriptions, on objects, fields, interfaces and unions (see <see cref="CacheConstraintsComputer"/>).
/// </summary>
public sealed class CacheControlDirective : Directive
{
    public const string DirectiveName = "cacheControl";

    public CacheControlDirective()
        : base(DirectiveName, DirectiveLocation.Object, DirectiveLocation.FieldDefinition, DirectiveLocation.Interface, DirectiveLocation.Union)
    {
        Description = "The `@cacheControl` directive may be provided for individual fields or entire object, interface or union types to provide caching hints to the executor.";
        Arguments = new QueryArguments(
            new QueryArgument<IntGraphType>
            {
                Name = "maxAge",
                Description = "The maximum amount of time this field's cached value is valid, in seconds.",
            },
            new QueryArgument<IntGraphType>
            {
                Name = "sharedMaxAge",
                Description = "The maximum amount of time this field's cached value is valid in shared caches like CDNs, in seconds.",
            },
            new QueryArgument<BooleanGraphType>
            {
                Name = "inheritMaxAge",
                Description = "If `true`, the field inherits the `maxAge` of its parent field.",
            },
            new QueryArgument<CacheControlScopeGraphType>
            {
                Name = "scope",
                Description = "If `PRIVATE`, the field's value is specific to a single user. The default value is `PUBLIC`, which means the field's value is not tied to a single user.",
            },
            new QueryArgument<ListGraphType<StringGraphType>>
            {
                Name = "vary",
                Description = "The Vary HTTP response header describes the parts of the request message aside from the method and URL that influenced the content of the response it occurs in. Most often, this is used to create a cache key when content negotiation is in use.",
            });
    }

    public override bool? Introspectable => true;
}
