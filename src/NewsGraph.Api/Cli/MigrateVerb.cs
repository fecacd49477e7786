using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NewsGraph.Api.Cli;

/// <summary>
/// <c>migrate [--script]</c>: brings the configured database up to date and exits, the deployment
/// step for servers started with <c>Database:MigrateOnStartup=false</c>; with <c>--script</c>, prints
/// the idempotent SQL instead, for a database administrator to run.
/// </summary>
public sealed class MigrateVerb : ICliVerb
{
    public string Usage => "migrate [--script]";

    public Command Create(CliContext cli)
    {
        var script = new Option<bool>("--script") { Description = "Print the idempotent SQL script of every migration instead of applying it." };
        var command = new Command("migrate", "Applies pending migrations to the configured database.") { script };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = await cli.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync(cancellationToken);
            if (parse.GetValue(script))
            {
                await cli.Output.WriteLineAsync(db.GetInfrastructure().GetRequiredService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
                return 0;
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await DatabaseInitializer.MigrateAsync(db, cancellationToken);
            await cli.Output.WriteLineAsync(pending.Count == 0
                ? "The database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });
        return command;
    }
}
