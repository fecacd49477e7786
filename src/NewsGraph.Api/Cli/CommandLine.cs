using System.CommandLine;
using System.CommandLine.Parsing;

namespace NewsGraph.Api.Cli;

/// <summary>
/// The command line, on System.CommandLine: a verb (<see cref="ICliVerb"/>, one file each in this
/// folder) runs and exits; <c>--help</c> works on each; a usage error prints the usage to standard
/// error and exits with 2. Without a verb the server runs, and what follows configures the host
/// (<c>--urls http://127.0.0.1:5080</c>, <c>--GraphQL:MaxDepth 12</c>). Settings of the form
/// <c>--Section:Key value</c> are configuration for verbs too.
/// </summary>
public static class CommandLine
{
    private const string App = "NewsGraph.Api";

    private static readonly ICliVerb[] Verbs = [.. typeof(ICliVerb).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(ICliVerb).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (ICliVerb)Activator.CreateInstance(t)!)];

    /// <summary>The program: a verb, or the server when none is given. The host is built only for what needs it.</summary>
    public static Task<int> RunAsync(string[] args, Func<WebApplication> buildApp, Func<WebApplication, Task> serveAsync)
    {
        WebApplication? app = null;
        var cli = new CliContext(() => (app ??= buildApp()).Services, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
        var root = Root(cli);
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async parse =>
        {
            if (UnknownCommand(parse) is { } unknown)
                return unknown == "help" ? await HelpAsync(root, cli) : await UsageErrorAsync(cli, $"Unrecognized command '{unknown}'.", RootUsage());
            await serveAsync(app ??= buildApp());
            return 0;
        });
        return InvokeAsync(root, args, cli);
    }

    /// <summary>Runs a verb with the services of a host that exists already (tests); without a verb it is a usage error.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var cli = new CliContext(() => services, output ?? Console.Out, error ?? Console.Error, interactive: output is null && !Console.IsOutputRedirected);
        var root = Root(cli);
        root.SetAction(_ => UsageErrorAsync(cli, "Name a command.", RootUsage()));
        return InvokeAsync(root, args, cli);
    }

    /// <summary>The SDL of the schema as clients see it, with descriptions and deprecations.</summary>
    public static string PrintSchema(IServiceProvider services) => SchemaVerb.Print(services);

    /// <summary>Reports a usage error: the problem, then the usage, on standard error; exit code 2.</summary>
    public static async Task<int> UsageErrorAsync(CliContext cli, string problem, string usage)
    {
        await cli.Error.WriteLineAsync(problem);
        await cli.Error.WriteLineAsync($"usage: {App} {usage}");
        await cli.Error.WriteLineAsync($"Run `{App} --help` for more.");
        return 2;
    }

    private static RootCommand Root(CliContext cli)
    {
        var root = new RootCommand("NewsGraph: a GraphQL content backend for a news organisation. Without a command, it serves "
                                   + "(options such as --urls http://127.0.0.1:5080 and --GraphQL:MaxDepth 12 configure the host).");
        foreach (var verb in Verbs)
            root.Subcommands.Add(verb.Create(cli));
        return root;
    }

    /// <summary>The usage of the verb the arguments name, or of them all.</summary>
    private static string UsageOf(ParseResult parse)
    {
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            if (result.Parent is CommandResult { Command: RootCommand })
                return Verbs.First(v => v.Usage.Split(' ')[0] == result.Command.Name).Usage;
        }
        return RootUsage();
    }

    private static async Task<int> InvokeAsync(RootCommand root, string[] args, CliContext cli)
    {
        var parse = root.Parse(WithoutSettings(args));
        if (parse.Errors.Count > 0)
            return await UsageErrorAsync(cli, string.Join(Environment.NewLine, parse.Errors.Select(e => e.Message)), UsageOf(parse));
        // Exceptions are not caught here: they stop the program as they would without a command line.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = cli.Output, Error = cli.Error, EnableDefaultExceptionHandler = false });
    }

    private static Task<int> HelpAsync(RootCommand root, CliContext cli)
        => root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = cli.Output, Error = cli.Error });

    private static string RootUsage() => $"[--urls <address>] [--Section:Key <value>] | {string.Join(" | ", Verbs.Select(v => v.Usage))}";

    /// <summary>A bare word where the server's options go: not an option and not an option's value.</summary>
    private static string? UnknownCommand(ParseResult parse)
    {
        var tokens = parse.UnmatchedTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var valueOfOption = i > 0 && tokens[i - 1].StartsWith('-') && !tokens[i - 1].Contains('=', StringComparison.Ordinal);
            if (!tokens[i].StartsWith('-') && !valueOfOption)
                return tokens[i];
        }
        return null;
    }

    /// <summary>
    /// The arguments without configuration settings (<c>--Section:Key value</c>, <c>--Section:Key=value</c>),
    /// which the host reads from the full command line.
    /// </summary>
    private static string[] WithoutSettings(string[] args)
    {
        var kept = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var isSetting = arg.StartsWith("--", StringComparison.Ordinal) && arg.Split('=', 2)[0].Contains(':', StringComparison.Ordinal);
            if (!isSetting)
                kept.Add(arg);
            else if (!arg.Contains('=', StringComparison.Ordinal))
                i++;
        }
        return [.. kept];
    }
}
