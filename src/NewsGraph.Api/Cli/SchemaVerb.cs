using System.CommandLine;
using GraphQL;
using NewsGraph.Api.GraphQL;

namespace NewsGraph.Api.Cli;

/// <summary><c>schema export [file]</c>: writes the SDL, by default to <c>schema/schema.graphql</c> of the repository.</summary>
public sealed class SchemaVerb : ICliVerb
{
    public string Usage => "schema export [file]";

    public Command Create(CliContext cli)
    {
        var file = new Argument<string?>("file") { Description = "Where to write; schema/schema.graphql of the repository when left out.", Arity = ArgumentArity.ZeroOrOne };
        var export = new Command("export", "Writes the schema as clients see it (SDL).") { file };
        export.SetAction(async parse =>
        {
            var path = parse.GetValue(file) is { } given ? CliContext.FullPath(given) : DefaultPath();
            await File.WriteAllTextAsync(path, Print(cli.Services));
            await cli.Output.WriteLineAsync($"Wrote {Path.GetFullPath(path)}");
            return 0;
        });
        return new Command("schema", "The GraphQL schema.") { export };
    }

    /// <summary>The SDL of the schema as clients see it, with descriptions and deprecations.</summary>
    public static string Print(IServiceProvider services)
        => services.GetRequiredService<NewsSchema>().Print().ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static string DefaultPath()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsGraph.sln")))
                return Path.Combine(dir.FullName, "schema", "schema.graphql");
        }
        return Path.Combine("schema", "schema.graphql");
    }
}
