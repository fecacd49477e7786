using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Import.Ndjson;

namespace NewsGraph.Api.Cli;

/// <summary><c>export &lt;folder&gt;</c>: all content as bulk NDJSON (<see cref="NdjsonExporter"/>).</summary>
public sealed class ExportVerb : ICliVerb
{
    public string Usage => "export <folder>";

    public Command Create(CliContext cli)
    {
        var folder = new Argument<string>("folder") { Description = "Where the NDJSON files and their manifest go." };
        var command = new Command("export", "Writes all content as bulk NDJSON, which `import` loads back.") { folder };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = CliContext.FullPath(parse.GetRequiredValue(folder));
            await using (var db = await cli.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync(cancellationToken))
                await db.Database.MigrateAsync(cancellationToken);
            var rows = await cli.Services.GetRequiredService<NdjsonExporter>().ExportAsync(target, cancellationToken);
            await cli.Output.WriteLineAsync($"Wrote {string.Join(", ", rows.Select(r => $"{r.Value} rows to {r.Key}"))} in {Path.GetFullPath(target)}");
            return 0;
        });
        return command;
    }
}
