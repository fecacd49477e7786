using Spectre.Console;

namespace NewsGraph.Api.Import;

/// <summary>
/// An import's progress on a terminal, drawn by Spectre.Console (bar, count, rate, time left). When
/// the output is redirected (CI logs, tests) nothing is drawn: the import prints a line per story instead.
/// </summary>
internal sealed class ImportProgress
{
    private readonly IAnsiConsole? _console;
    private ProgressTask? _task;

    private ImportProgress(IAnsiConsole? console) => _console = console;

    /// <summary>Runs <paramref name="work"/> with a progress bar of <paramref name="total"/> steps (unknown: a running count).</summary>
    public static async Task<T> RunAsync<T>(TextWriter output, bool interactive, string description, int? total, Func<ImportProgress, Task<T>> work)
    {
        if (!interactive)
            return await work(new ImportProgress(null));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var progress = new ImportProgress(console);
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                progress._task = context.AddTask(Markup.Escape(description), maxValue: total ?? 1);
                progress._task.IsIndeterminate = total is null;
                return await work(progress);
            });
    }

    /// <summary>How far it got: steps done so far.</summary>
    public void Report(int done, string? description = null)
    {
        if (_task is null)
            return;
        _task.Value = done;
        if (description is not null)
            _task.Description = Markup.Escape(description);
    }

    /// <summary>A line above the bar (a failure worth seeing now).</summary>
    public void WriteLine(string line) => _console?.WriteLine(line);
}
