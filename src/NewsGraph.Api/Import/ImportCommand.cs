using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.Import.WireStories;
using NewsGraph.Api.Search;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.Purging;

namespace NewsGraph.Api.Import;

/// <summary>
/// <c>import &lt;path&gt;...</c>: wire stories (<c>.txt</c> files, folders of them) and bulk NDJSON
/// folders. Each story is its own transaction; a file that fails is reported with its name and
/// line while the others go on; the exit code is 1 when any failed.
/// </summary>
public sealed class ImportCommand(
    IDbContextFactory<NewsDbContext> dbFactory,
    WireStoryImporter wireImporter,
    NdjsonImporter bulkImporter,
    IOptions<NewsroomOptions> newsroom,
    CachePurger purger,
    IOptions<CacheControlOptions> allKey,
    SearchBacklog searchBacklog)
{
    /// <summary>How long a command waits, before it exits, for its purges to reach the caches.</summary>
    private static readonly TimeSpan PurgeWait = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(IReadOnlyList<string> paths, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            await output.WriteLineAsync("usage: import <story.txt | folder of stories | NDJSON folder>...");
            return 2;
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            await db.Database.MigrateAsync(cancellationToken);

        var failed = false;
        var stories = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path) && NdjsonImporter.IsDataset(path))
                failed |= !await ImportDatasetAsync(path, output, interactive, cancellationToken);
            else if (Directory.Exists(path))
                stories.AddRange(Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                stories.Add(path);
            else
            {
                await output.WriteLineAsync($"FAIL {path}: no such file or folder");
                failed = true;
            }
        }
        if (stories.Count > 0)
            failed |= !await ImportStoriesAsync(stories, output, interactive, cancellationToken);
        if (!await purger.FlushAsync().WaitAsync(PurgeWait, cancellationToken).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default))
            await output.WriteLineAsync($"Some cache purges were not confirmed within {PurgeWait.TotalSeconds:0} s; see the log.");
        return failed ? 1 : 0;
    }

    /// <summary>Imports wire stories, one transaction each; true when all went in.</summary>
    public async Task<bool> ImportStoriesAsync(IReadOnlyList<string> files, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<ImportOutcome, int>();
        var failures = await ImportProgress.RunAsync(output, interactive, "stories", files.Count, async progress =>
        {
            var failed = 0;
            for (var i = 0; i < files.Count; i++)
            {
                var (line, outcome) = await ImportStoryAsync(files[i], cancellationToken);
                if (outcome is { } known)
                    outcomes[known] = outcomes.GetValueOrDefault(known) + 1;
                else
                    failed++;
                // On a terminal the bar tells the plain successes; failures and quotes without a
                // speaker always get their lines.
                if (!interactive)
                    await output.WriteLineAsync(line);
                else if (outcome is null || line.Contains('\n', StringComparison.Ordinal))
                    progress.WriteLine(line);
                progress.Report(i + 1);
            }
            return failed;
        });
        await output.WriteLineAsync(
            $"{files.Count} stories: {outcomes.GetValueOrDefault(ImportOutcome.Created)} created, {outcomes.GetValueOrDefault(ImportOutcome.Updated)} updated, " +
            $"{outcomes.GetValueOrDefault(ImportOutcome.Unchanged)} unchanged, {failures} failed");
        return failures == 0;
    }

    /// <summary>One story in its own transaction: the line to print, and its outcome (null when it failed).</summary>
    private async Task<(string Line, ImportOutcome? Outcome)> ImportStoryAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var story = WireStoryParser.Parse(await File.ReadAllTextAsync(file, cancellationToken), new WireStoryParserOptions { DefaultOffset = newsroom.Value.UtcOffset });
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (outcome, slug) = await wireImporter.ImportAsync(db, story, cancellationToken);
            if (outcome != ImportOutcome.Unchanged)
                Telemetry.NewsMetrics.Imported("stories", 1);
            return ($"{outcome.ToString().ToLowerInvariant(),-9} {file} -> {slug}{UnattributedQuotes(story)}", outcome);
        }
        catch (WireStoryFormatException ex)
        {
            return ($"FAIL      {file}:{ex.Line}: {ex.Message}", null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbUpdateException)
        {
            return ($"FAIL      {file}: {ex.Message}", null);
        }
    }

    /// <summary>The quotes no rule of the attribution sieve gave a speaker, each on a line of its own with the reason, for an editor to settle.</summary>
    private static string UnattributedQuotes(ParsedStory story)
        => string.Concat(story.Quotes.Where(q => q.Attribution == QuoteAttribution.Unattributed).Select(q =>
            $"\n          quote {q.Position} has no speaker (\"{(q.Text.Length > 50 ? q.Text[..47] + "..." : q.Text)}\"): {q.UnattributedReason}"));

    private async Task<bool> ImportDatasetAsync(string folder, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var report = await ImportProgress.RunAsync(output, interactive, folder, null, progress =>
            bulkImporter.ImportAsync(folder, new Progress<int>(done => progress.Report(done, $"{folder}: {done:N0} articles")), cancellationToken));
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        foreach (var error in report.Errors.Take(200))
            await output.WriteLineAsync($"FAIL {Path.Combine(folder, error.File)}{(error.Line > 0 ? $":{error.Line}" : "")}: {error.Message}");
        if (report.Errors.Count > 200)
            await output.WriteLineAsync($"... and {report.Errors.Count - 200} more errors");
        // A bulk load can touch anything: every cached response goes.
        if (report.Written.Values.Sum() > 0 && allKey.Value.AllKey is { Length: > 0 } all)
            await purger.PurgeAsync([all], $"bulk import of {folder}", CancellationToken.None);
        var articles = report.Written.GetValueOrDefault("articles");
        await output.WriteLineAsync($"{folder}: {report.Summary()} in {elapsed.TotalSeconds:0.0} s ({articles / Math.Max(elapsed.TotalSeconds, 0.001):0} articles/s)");
        if (await searchBacklog.PendingAsync(cancellationToken) is > 0 and var waiting)
            await output.WriteLineAsync($"{waiting} stories wait for the search index: the servers index them in the background (or run `search-index`).");
        return report.Succeeded;
    }
}
