using NewsGraph.GraphQL.Ide;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.Api.GraphQL;

public static class GraphQLApplicationExtensions
{
    public const string Path = "/graphql";

    /// <summary>GraphQL over HTTP, server-sent events and WebSockets, and the Banana Cake Pop IDE, all at <c>/graphql</c>.</summary>
    public static WebApplication MapNewsGraphQL(this WebApplication app)
    {
        // Build the schema now: a mistake in it should stop start-up, not fail the first request.
        app.Services.GetRequiredService<NewsSchema>().Initialize();
        // WebSockets first, so the IDE below can tell an upgrade from a page request; the
        // GraphQL protocols ping themselves, this keeps idle proxies from cutting the socket.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
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
