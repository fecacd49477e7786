using NewsGraph.GraphQL.Ide;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.Api.GraphQL;

public static class GraphQLApplicationExtensions
{
    public const string Path = "/graphql";

    /// <summary>GraphQL over HTTP and the Banana Cake Pop IDE, both at <c>/graphql</c>.</summary>
    public static WebApplication MapNewsGraphQL(this WebApplication app)
    {
        // Build the schema now: a mistake in it should stop start-up, not fail the first request.
        app.Services.GetRequiredService<NewsSchema>().Initialize();
        // The IDE answers before routing: `/graphql/` would otherwise match the GraphQL endpoint.
        app.UseBananaCakePop(Path);
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.MapGraphQL<NewsSchema>(Path).RequireCors(CorsPolicyName);
        return app;
    }

    public const string CorsPolicyName = "GraphQL";
}
