using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.Syndication;

namespace NewsGraph.Api.Cli;

/// <summary>
/// <c>export &lt;folder&gt; [--format ndjson|ninjs]</c>: all content as bulk NDJSON (<see cref="NdjsonExporter"/>), or
/// every story but drafts as IPTC ninjs 2.1 documents (<see cref="NinjsExporter"/>).
/// </summary>
public sealed class ExportVerb : ICliVerb
{
    public string Usage => "export <folder> [--format ndjson|ninjs]";

    public Command Create(CliContext cli)
    {
        var folder = new Argument<string>("folder") { Description = "Where the NDJSON files and their manifest go." };
        var format = new Option<string>("--format")
        {
            Description = "ndjson: all content, which `import` loads back; ninjs: the stories as IPTC ninjs 2.1, one a line.",
            DefaultValueFactory = _ => "ndjson",
        };
        format.AcceptOnlyFromAmong("ndjson", "ninjs");
        var command = new Command("export", "Writes all content as bulk NDJSON, which `import` loads back, or the stories as ninjs.") { folder, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = CliContext.FullPath(parse.GetRequiredValue(folder));
            await using (var db = await cli.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync(cancellationToken))
                await db.Database.MigrateAsync(cancellationToken);
            if (parse.GetValue(format) == "ninjs")
            {
                var documents = await cli.Services.GetRequiredService<NinjsExporter>().ExportAsync(target, cancellationToken);
                await cli.Output.WriteLineAsync($"Wrote {documents} ninjs documents to {Path.Combine(Path.GetFullPath(target), NinjsExporter.FileName)}");
                return 0;
            }
            var rows = await cli.Services.GetRequiredService<NdjsonExporter>().ExportAsync(target, cancellationToken);
            await cli.Output.WriteLineAsync($"Wrote {string.Join(", ", rows.Select(r => $"{r.Value} rows to {r.Key}"))} in {Path.GetFullPath(target)}");
            return 0;
        });
        return command;
    }
}
