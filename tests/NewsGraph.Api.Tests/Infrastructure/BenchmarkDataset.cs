using System.Diagnostics;
using System.Text.Json;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// The benchmark dataset of N articles (../shared/tools/dataset/DATASET.md), generated once into the
/// temporary folder (<c>ng-data/nN</c>, where the benchmarks put it too) by its generator, found beside
/// the repository or at <c>NEWSGRAPH_DATASET_GENERATOR</c>. Needs python3.
/// </summary>
public static class BenchmarkDataset
{
    /// <summary>The seed the relevance set's judgments were made on.</summary>
    public const int Seed = 20260101;

    private static readonly SemaphoreSlim Generating = new(1, 1);

    public static async Task<string> GetAsync(int articles)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ng-data", $"n{articles}");
        await Generating.WaitAsync();
        try
        {
            if (!IsComplete(folder, articles))
                await GenerateAsync(folder, articles);
            return folder;
        }
        finally
        {
            Generating.Release();
        }
    }

    private static bool IsComplete(string folder, int articles)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifest))
            return false;
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty("n").GetInt32() == articles && json.RootElement.GetProperty("seed").GetInt32() == Seed;
    }

    // Generated beside the folder and moved into place, so that another process (a benchmark, a
    // second test run) never reads a half-written dataset.
    private static async Task GenerateAsync(string folder, int articles)
    {
        var staging = $"{folder}.{Environment.ProcessId}.tmp";
        await RunGeneratorAsync(staging, articles);
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (IsComplete(folder, articles))
        {
            Directory.Delete(staging, recursive: true);   // another process got there first
        }
    }

    private static async Task RunGeneratorAsync(string folder, int articles)
    {
        var generator = Environment.GetEnvironmentVariable("NEWSGRAPH_DATASET_GENERATOR") ?? FindGenerator();
        var n = articles.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var seed = Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var python = Process.Start(new ProcessStartInfo("python3", [generator, n, folder, "--seed", seed])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("python3 did not start.");
        var error = python.StandardError.ReadToEndAsync();
        await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync();
        if (python.ExitCode != 0)
            throw new InvalidOperationException($"{generator} failed: {await error}");
    }

    private static string FindGenerator()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "NewsGraph.sln")))
                continue;
            var generator = Path.Combine(dir.FullName, "..", "shared", "tools", "dataset", "gen-dataset.py");
            if (File.Exists(generator))
                return Path.GetFullPath(generator);
        }
        throw new FileNotFoundException("The dataset generator (../shared/tools/dataset/gen-dataset.py beside the repository) was not found; set NEWSGRAPH_DATASET_GENERATOR to its path.");
    }
}
