using System.CommandLine;

namespace NewsGraph.Api.Cli;

/// <summary>
/// A verb of the command line (<c>import</c>, <c>token</c>...): one class in <c>Cli/</c> each, found by
/// <see cref="CommandLine"/>. Its command's action returns the exit code.
/// </summary>
public interface ICliVerb
{
    /// <summary>How to call it, as usage errors show it: <c>token --role reader|editor|admin [--name &lt;name&gt;]</c>.</summary>
    string Usage { get; }

    Command Create(CliContext cli);
}
