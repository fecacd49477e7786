using System.CommandLine;
using NewsGraph.Api.Auth;

namespace NewsGraph.Api.Cli;

/// <summary><c>token --role editor --name alice --hours 8</c>: a bearer token for local use, signed with the configured key.</summary>
public sealed class TokenVerb : ICliVerb
{
    public string Usage => $"token --role {string.Join("|", Roles.All)} [--name <name>] [--hours <hours>]";

    public Command Create(CliContext cli)
    {
        var role = new Option<string>("--role") { Description = $"The role the token grants: {string.Join(", ", Roles.All)}.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var name = new Option<string?>("--name") { Description = "Who the token names (its `sub`); the role when left out." };
        var hours = new Option<double?>("--hours") { Description = "How long it lasts; Auth:TokenLifetime when left out." };
        var command = new Command("token", "Mints a bearer token for local use.") { role, name, hours };
        command.SetAction(async parse =>
        {
            var granted = parse.GetRequiredValue(role);
            TimeSpan? lifetime = parse.GetValue(hours) is double h and > 0 ? TimeSpan.FromHours(h) : null;
            await cli.Output.WriteLineAsync(cli.Services.GetRequiredService<TokenIssuer>().Issue(parse.GetValue(name) ?? granted, granted, lifetime));
            return 0;
        });
        return command;
    }
}
