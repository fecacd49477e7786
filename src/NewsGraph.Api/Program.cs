using NewsGraph.Api.Articles;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Cli;
using NewsGraph.Api.Data;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.GraphQL;
using NewsGraph.Api.Images;
using NewsGraph.Api.Import;
using NewsGraph.Api.People;

if (args is ["healthcheck"])
    return await CommandLine.HealthCheckAsync();

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddNewsData(builder.Configuration, builder.Environment);
builder.Services.AddNewsAuth(builder.Configuration);
builder.Services.AddNewsGraphQL(builder.Configuration, builder.Environment);
builder.Services.AddArticles(builder.Configuration).AddPeople().AddImages().AddFeedback(builder.Configuration);
builder.Services.AddNewsImport(builder.Configuration);

var app = builder.Build();

// `schema export`, `import`, `export` run a command and exit instead of serving.
if (CommandLine.IsCommand(args))
    return await CommandLine.RunAsync(app.Services, args);

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
app.MapNewsGraphQL();
app.MapHealthChecks("/healthz");
await app.RunAsync();
return 0;
