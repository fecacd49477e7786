using System.Security.Claims;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace NewsGraph.GraphQL.Authorization;

/// <summary>
/// Field authorization as Hot Chocolate's <c>[Authorize]</c> behaves: a caller who is not signed in
/// gets AUTH_NOT_AUTHENTICATED, one without any of the roles AUTH_NOT_AUTHORIZED, as a field error
/// (the field is null, the rest of the response stands). Only authorized fields pay for the check.
/// </summary>
public static class FieldAuthorization
{
    internal const string RolesKey = "authorize:roles";

    /// <summary>Only callers with one of <paramref name="roles"/> (or any signed-in caller when none is given) may resolve the field.</summary>
    public static FieldBuilder<TSource, TReturn> Authorize<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] roles)
    {
        field.FieldType.Authorize(roles);
        return field;
    }

    public static FieldType Authorize(this FieldType field, params string[] roles)
    {
        field.Metadata[RolesKey] = roles;
        return field;
    }

    public static ExecutionError NotAuthenticated() => new("The current user is not authorized to access this resource.") { Code = "AUTH_NOT_AUTHENTICATED" };

    public static ExecutionError NotAuthorized() => new("The current user is not authorized to access this resource.") { Code = "AUTH_NOT_AUTHORIZED" };

    /// <summary>Throws the Hot Chocolate error for <paramref name="user"/> unless it is signed in with one of <paramref name="roles"/>.</summary>
    public static void Demand(ClaimsPrincipal? user, IReadOnlyCollection<string> roles)
    {
        if (user?.Identity?.IsAuthenticated != true)
            throw NotAuthenticated();
        if (roles.Count > 0 && !roles.Any(user.IsInRole))
            throw NotAuthorized();
    }
}

/// <summary>Wraps the resolver of every field marked with <see cref="FieldAuthorization.Authorize{TSource,TReturn}"/>.</summary>
public sealed class AuthorizeFieldsVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (field.Metadata.TryGetValue(FieldAuthorization.RolesKey, out var value) && value is string[] roles)
        {
            var inner = field.Resolver ?? NameFieldResolver.Instance;
            field.Resolver = new AuthorizingResolver(inner, roles);
            // A subscription is checked when it starts, before any event is sent.
            if (field.StreamResolver is { } stream)
                field.StreamResolver = new AuthorizingStreamResolver(stream, roles);
        }
    }

    private sealed class AuthorizingStreamResolver(ISourceStreamResolver inner, string[] roles) : ISourceStreamResolver
    {
        public ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
        {
            FieldAuthorization.Demand(context.User, roles);
            return inner.ResolveAsync(context);
        }
    }

    private sealed class AuthorizingResolver(IFieldResolver inner, string[] roles) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            FieldAuthorization.Demand(context.User, roles);
            return inner.ResolveAsync(context);
        }
    }
}
