using GraphQL;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Caching;

/// <summary>One <c>@cacheControl</c> as applied to a field or a type.</summary>
public sealed record CacheHint(int? MaxAge, int? SharedMaxAge, bool InheritMaxAge, CacheControlScope? Scope, IReadOnlyList<string> Vary)
{
    /// <summary>The hint applied to <paramref name="member"/>, if any.</summary>
    public static CacheHint? Of(IMetadataReader member)
    {
        if (member.FindAppliedDirective(CacheControlDirective.DirectiveName) is not { } directive)
            return null;
        return new CacheHint(
            Int(directive.FindArgument("maxAge")?.Value),
            Int(directive.FindArgument("sharedMaxAge")?.Value),
            directive.FindArgument("inheritMaxAge")?.Value is true,
            directive.FindArgument("scope")?.Value as CacheControlScope?,
            directive.FindArgument("vary")?.Value is IEnumerable<object?> vary ? [.. vary.OfType<string>()] : []);
    }

    private static int? Int(object? value) => value is null ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
}
