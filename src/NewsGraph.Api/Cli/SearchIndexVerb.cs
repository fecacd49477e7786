using System.CommandLine;
using NewsGraph.Api.Import;
using NewsGraph.Api.Search;

namespace NewsGraph.Api.Cli;

/// <summary>
/// <c>search-index [--all]</c>: indexes the stories waiting in the search backlog (left there by a bulk
/// import) and exits once none waits (on SQLite, with the index's segments merged); with <c>--all</c>, every story is queued first, to
/// rebuild the index. Servers work off the backlog by themselves; this is for a deployment step or a
/// database no server runs on yet.
/// </summary>
public sealed class SearchIndexVerb : ICliVerb
{
    public string Usage => "search-index [--all]";

    public Command Create(CliContext cli)
    {
        var all = new Option<bool>("--all") { Description = "Queue every story first: rebuild the whole index." };
        var command = new Command("search-index", "Indexes the stories waiting for the search index, then exits.") { all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var backlog = cli.Services.GetRequiredService<SearchBacklog>();
            if (parse.GetValue(all))
                await cli.Output.WriteLineAsync($"Queued {await backlog.QueueAllAsync(cancellationToken)} stories.");
            var waiting = await backlog.PendingAsync(cancellationToken);
            var started = TimeProvider.System.GetTimestamp();
            var indexed = await ImportProgress.RunAsync(cli.Output, cli.Interactive, "search index", Math.Max(waiting, 1), progress =>
                backlog.IndexAllAsync(new Progress<int>(done => progress.Report(done)), cancellationToken));
            if (indexed > 0)
                await backlog.OptimizeAsync(cancellationToken);
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            await cli.Output.WriteLineAsync(waiting == 0 && indexed == 0
                ? "No story waits for the search index."
                : $"Indexed {indexed} stories in {seconds:0.0} s ({indexed / Math.Max(seconds, 0.001):0} stories/s); none waits now.");
            return 0;
        });
        return command;
    }
}
