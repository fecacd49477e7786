using NewsGraph.Api.Articles;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Cli;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.GraphQL;
using NewsGraph.Api.Health;
using NewsGraph.Api.Images;
using NewsGraph.Api.Import;
using NewsGraph.Api.People;
using NewsGraph.Api.Redis;
using NewsGraph.Api.Search;
using NewsGraph.Api.Telemetry;
using NewsGraph.Api.Syndication;

// A verb (`import`, `export`, `schema export`, `token`, `healthcheck`; `--help` lists them) runs and
// exits; without one, the server runs.
return await CommandLine.RunAsync(args, () =>
{
    var builder = WebApplication.CreateBuilder(args).AddNewsTelemetry();
    builder.Services.AddNewsData(builder.Configuration, builder.Environment);
    builder.Services.AddNewsAuth(builder.Configuration);
    builder.Services.AddNewsGraphQL(builder.Configuration, builder.Environment);
    builder.Services.AddNewsRedis(builder.Configuration);
    builder.Services.AddArticles(builder.Configuration).AddPeople().AddImages().AddFeedback(builder.Configuration)
        .AddSyndication(builder.Configuration).AddSearch(builder.Configuration);
    builder.Services.AddNewsImport(builder.Configuration);
    return builder.Build();
}, async app =>
{
    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    app.MapNewsGraphQL();
    app.MapHealthEndpoints();
    app.MapNewsTelemetry();
    await app.RunAsync();
});
