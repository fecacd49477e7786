using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

public sealed class RateLimitedErrorGraphType : ErrorGraphType<RateLimitedError>
{
    public RateLimitedErrorGraphType()
    {
        Description = "Too many requests from this client.";
        Field<NonNullGraphType<IntGraphType>>("retryAfterSeconds").Description("When to try again.").Resolve(ctx => ctx.Source.RetryAfterSeconds);
    }
}
