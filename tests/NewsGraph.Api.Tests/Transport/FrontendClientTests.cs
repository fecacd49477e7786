using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.PersistedOperations;

namespace NewsGraph.Api.Tests.Transport;

/// <summary>
/// A real frontend stack from npm (urql with graphql-ws, tests/frontend) against the application on
/// a real port: front page, article page, feedback, and the feedback arriving live for an editor.
/// </summary>
public sealed class FrontendClientTests
{
    [Fact]
    public async Task UrqlWithGraphQLWs_LoadsPages_SendsFeedback_AndAnEditorHearsIt()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "frontend");
        using var app = new NewsGraphApplication();
        // The frontend's operations as trusted documents, as `documents add tests/frontend/operations` registers them.
        var trusted = Directory.CreateDirectory(Path.Combine(app.Folder, "trusted-documents")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "operations"), "*.graphql"))
        {
            var document = await File.ReadAllTextAsync(file);
            await File.WriteAllTextAsync(Path.Combine(trusted, OperationDocumentId.For(document) + ".graphql"), document);
        }
        app.Settings["GraphQL:TrustedDocuments:Folder"] = trusted;
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var install = await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", folder, []);
        var run = await RunAsync("node", "--test", folder, new()
        {
            ["NEWSGRAPH_URL"] = address + "/graphql",
            ["NEWSGRAPH_EDITOR_TOKEN"] = app.TokenFor("editor", "frontend-test")!,
        });

        Assert.True(install.ExitCode == 0, install.Output);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("# pass 5", run.Output, StringComparison.Ordinal);
        Assert.Contains("# fail 0", run.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string arguments, string folder, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {arguments} did not finish: {await output}{await errors}");
        }
        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsGraph.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("The repository root (with NewsGraph.sln) is not above the test binaries.");
    }
}
