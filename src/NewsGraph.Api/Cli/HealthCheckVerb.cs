using System.CommandLine;

namespace NewsGraph.Api.Cli;

/// <summary><c>healthcheck</c>: asks the server on this machine for <c>/healthz</c> (the container's HEALTHCHECK); needs no host of its own.</summary>
public sealed class HealthCheckVerb : ICliVerb
{
    public string Usage => "healthcheck";

    public Command Create(CliContext cli)
    {
        var command = new Command("healthcheck", "Exits with 0 when the server on this machine (port ASPNETCORE_HTTP_PORTS, else 8080) answers /healthz, else 1.");
        command.SetAction(_ => CheckAsync());
        return command;
    }

    private static async Task<int> CheckAsync()
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split(';', ',')[0];
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
