using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Caching;

/// <summary><c>@cacheControl</c> on a field or a type (see <see cref="CacheControlDirective"/>).</summary>
public static class CacheControlExtensions
{
    /// <summary>Applies <c>@cacheControl</c>; a field without one gets the defaults (<see cref="CacheControlOptions"/>).</summary>
    /// <param name="maxAge">Seconds the value may be cached.</param>
    /// <param name="sharedMaxAge">Seconds it may be cached by shared caches (CDNs): <c>s-maxage</c>.</param>
    /// <param name="scope">Private: the value belongs to one caller, shared caches must not keep it.</param>
    /// <param name="inheritMaxAge">The field takes its parent's <c>maxAge</c> instead of a default.</param>
    /// <param name="vary">Request headers the value depends on.</param>
    public static TMetadata CacheControl<TMetadata>(
        this TMetadata target, int? maxAge = null, int? sharedMaxAge = null, CacheControlScope? scope = null, bool inheritMaxAge = false, params string[] vary)
        where TMetadata : IMetadataWriter
    {
        if (maxAge < 0 || sharedMaxAge < 0)
            throw new ArgumentOutOfRangeException(nameof(maxAge), "@cacheControl ages cannot be negative.");
        if (inheritMaxAge && (maxAge is not null || sharedMaxAge is not null))
            throw new ArgumentException("@cacheControl cannot both inherit the parent's maxAge and set one.", nameof(inheritMaxAge));
        return target.ApplyDirective(CacheControlDirective.DirectiveName, directive =>
        {
            if (maxAge is { } age)
                directive.AddArgument(new DirectiveArgument("maxAge") { Value = age });
            if (sharedMaxAge is { } shared)
                directive.AddArgument(new DirectiveArgument("sharedMaxAge") { Value = shared });
            if (inheritMaxAge)
                directive.AddArgument(new DirectiveArgument("inheritMaxAge") { Value = true });
            if (scope is { } s)
                directive.AddArgument(new DirectiveArgument("scope") { Value = s });
            if (vary.Length > 0)
                directive.AddArgument(new DirectiveArgument("vary") { Value = vary });
        });
    }

    /// <inheritdoc cref="CacheControl{TMetadata}"/>
    public static FieldBuilder<TSource, TReturn> CacheControl<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> builder, int? maxAge = null, int? sharedMaxAge = null, CacheControlScope? scope = null, bool inheritMaxAge = false,
        params string[] vary)
    {
        builder.FieldType.CacheControl(maxAge, sharedMaxAge, scope, inheritMaxAge, vary);
        return builder;
    }
}
