namespace NewsGraph.Api.Cli;

/// <summary>What a verb runs with: the application's services (the host is built when a verb first asks) and where to write.</summary>
public sealed class CliContext(Func<IServiceProvider> services, TextWriter output, TextWriter error, bool interactive)
{
    private IServiceProvider? _services;

    public IServiceProvider Services => _services ??= services();

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>A person is watching the console: progress bars instead of a line per file.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>
    /// <paramref name="path"/> from where the command was typed. `dotnet run --project` starts the
    /// program in the project's folder, but keeps the shell's <c>PWD</c>, so `documents add
    /// tests/frontend/operations` from the repository root means that folder of the repository.
    /// </summary>
    public static string FullPath(string path)
    {
        var typedIn = Environment.GetEnvironmentVariable("PWD");
        return Path.GetFullPath(path, typedIn is not null && Directory.Exists(typedIn) ? typedIn : Environment.CurrentDirectory);
    }
}
