using NewsGraph.Api.Cli;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Schema;

/// <summary>
/// schema/schema.graphql is the contract clients build on; it must be what the code serves.
/// When it is stale the test writes schema/schema.received.graphql and fails. Run with
/// NEWSGRAPH_ACCEPT_SCHEMA=1 (never on CI) or `dotnet run --project src/NewsGraph.Api -- schema export`
/// to accept the change.
/// </summary>
public sealed class SchemaSnapshotTests : IClassFixture<NewsGraphApplication>
{
    private readonly NewsGraphApplication _app;

    public SchemaSnapshotTests(NewsGraphApplication app) => _app = app;

    [Fact]
    public async Task CommittedSchemaFile_MatchesTheSchemaTheServerServes()
    {
        var path = Path.Combine(RepositoryRoot(), "schema", "schema.graphql");
        var actual = CommandLine.PrintSchema(_app.Services);
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";

        if (committed != actual)
        {
            var accept = Environment.GetEnvironmentVariable("NEWSGRAPH_ACCEPT_SCHEMA") == "1"
                         && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            await File.WriteAllTextAsync(accept ? path : Path.ChangeExtension(path, ".received.graphql"), actual);
            Assert.Fail(accept
                ? $"{path} was stale and has been rewritten; review and commit it."
                : $"{path} is stale; the served schema is in schema.received.graphql beside it.");
        }
    }

    [Fact]
    public async Task SchemaExportVerb_WritesTheServedSchema()
    {
        var file = Path.Combine(_app.Folder, "exported.graphql");

        var exitCode = await CommandLine.RunAsync(_app.Services, ["schema", "export", file]);

        Assert.Equal(0, exitCode);
        Assert.Equal(CommandLine.PrintSchema(_app.Services), await File.ReadAllTextAsync(file));
    }

    [Fact]
    public void Schema_NamesTypesAsHotChocolateDoes()
    {
        var sdl = CommandLine.PrintSchema(_app.Services);

        Assert.Contains("scalar DateTime", sdl, StringComparison.Ordinal);
        Assert.Contains("scalar Date", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("DateTimeOffset", sdl, StringComparison.Ordinal);
        Assert.Contains("publishedAt: DateTime", sdl, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsGraph.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("NewsGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
