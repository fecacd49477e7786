using GraphQL;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Data;
using NewsGraph.Api.GraphQL;
using NewsGraph.Api.Import;

namespace NewsGraph.Api.Cli;

/// <summary>
/// The verbs the application runs instead of serving:
/// <c>schema export [file]</c> writes the SDL (default <c>schema/schema.graphql</c> of the repository);
/// <c>import &lt;path&gt;...</c> loads wire stories and bulk NDJSON folders;
/// <c>export &lt;folder&gt;</c> writes all content as bulk NDJSON;
/// <c>token --role editor [--name n] [--hours h]</c> mints a bearer token for local use;
/// <c>healthcheck</c> asks a running server's <c>/healthz</c> (the container's HEALTHCHECK).
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["schema", "import", "export", "token"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>Exit code 0 when the server on this machine answers /healthz with 200, else 1.</summary>
    public static async Task<int> HealthCheckAsync()
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

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        switch (args)
        {
            case ["schema", "export", .. var rest]:
                var path = rest.FirstOrDefault(a => !a.StartsWith('-')) ?? DefaultSchemaPath();
                await File.WriteAllTextAsync(path, PrintSchema(services));
                await output.WriteLineAsync($"Wrote {Path.GetFullPath(path)}");
                return 0;
            case ["import", .. var paths]:
                return await services.GetRequiredService<ImportCommand>()
                    .RunAsync(paths, output, interactive: output == Console.Out && !Console.IsOutputRedirected, CancellationToken.None);
            case ["export", var folder]:
                await MigrateAsync(services);
                var rows = await services.GetRequiredService<NdjsonExporter>().ExportAsync(folder);
                await output.WriteLineAsync($"Wrote {string.Join(", ", rows.Select(r => $"{r.Value} rows to {r.Key}"))} in {Path.GetFullPath(folder)}");
                return 0;
            case ["token", .. var options]:
                return await MintTokenAsync(services, options, output, error);
            default:
                await error.WriteLineAsync("usage: NewsGraph.Api schema export [file] | import <path>... | export <folder> | token --role <reader|editor|admin> [--name <name>] [--hours <n>]");
                return 2;
        }
    }

    /// <summary><c>token --role editor --name alice --hours 8</c>: a bearer token signed with the configured key.</summary>
    private static async Task<int> MintTokenAsync(IServiceProvider services, string[] options, TextWriter output, TextWriter error)
    {
        string? Option(string name) => options.SkipWhile(o => o != name).Skip(1).FirstOrDefault();
        var role = Option("--role");
        if (role is null || !Roles.All.Contains(role))
        {
            await error.WriteLineAsync($"token needs --role {string.Join("|", Roles.All)}");
            return 2;
        }
        TimeSpan? lifetime = double.TryParse(Option("--hours"), System.Globalization.CultureInfo.InvariantCulture, out var hours) && hours > 0
            ? TimeSpan.FromHours(hours)
            : null;
        await output.WriteLineAsync(services.GetRequiredService<TokenIssuer>().Issue(Option("--name") ?? role, role, lifetime));
        return 0;
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    /// <summary>The SDL of the schema as clients see it, with descriptions and deprecations.</summary>
    public static string PrintSchema(IServiceProvider services)
        => services.GetRequiredService<NewsSchema>().Print().ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static string DefaultSchemaPath()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsGraph.sln")))
                return Path.Combine(dir.FullName, "schema", "schema.graphql");
        }
        return Path.Combine("schema", "schema.graphql");
    }
}
