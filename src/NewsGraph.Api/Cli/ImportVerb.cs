using System.CommandLine;
using NewsGraph.Api.Import;

namespace NewsGraph.Api.Cli;

/// <summary><c>import &lt;path&gt;...</c>: wire stories (files, folders of them) and bulk NDJSON folders (<see cref="ImportCommand"/>).</summary>
public sealed class ImportVerb : ICliVerb
{
    public string Usage => "import <story.txt | folder of stories | NDJSON folder>...";

    public Command Create(CliContext cli)
    {
        var paths = new Argument<string[]>("paths") { Description = "Wire story files, folders of them, and bulk NDJSON folders.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Loads content; records that fail are listed with file and line, and the exit code is then 1.") { paths };
        command.SetAction((parse, cancellationToken) => cli.Services.GetRequiredService<ImportCommand>()
            .RunAsync([.. parse.GetRequiredValue(paths).Select(CliContext.FullPath)], cli.Output, cli.Interactive, cancellationToken));
        return command;
    }
}
