using System.Globalization;

namespace NewsGraph.Bench;

public static class Program
{
    // dotnet run -c Release --project bench/NewsGraph.Bench -- paging <database file>
    // dotnet run -c Release --project bench/NewsGraph.Bench -- sql <database file or PostgreSQL connection string> bench/queries
    public static async Task<int> Main(string[] args) => args switch
    {
        ["paging", var database] => await PagingBenchmark.RunAsync(database),
        ["sql", var database, var queries] => await SqlStatements.RunAsync(database, queries),
        ["micro", var database, .. var options] => Micro(database, options),
        ["cost", var database, var bodies] => await RequestCost.RunAsync(database, bodies, 10, 4),
        ["cost", var database, var bodies, var seconds] => await RequestCost.RunAsync(database, bodies, int.Parse(seconds, CultureInfo.InvariantCulture), 4),
        ["cost", var database, var bodies, var seconds, var concurrency] =>
            await RequestCost.RunAsync(database, bodies, int.Parse(seconds, CultureInfo.InvariantCulture), int.Parse(concurrency, CultureInfo.InvariantCulture)),
        _ => Usage(),
    };

    // dotnet run -c Release --project bench/NewsGraph.Bench -- micro <database file> [BenchmarkDotNet options]
    private static int Micro(string database, string[] options)
    {
        Environment.SetEnvironmentVariable(HotPaths.DatabaseVariable, Path.GetFullPath(database));
        var summaries = BenchmarkDotNet.Running.BenchmarkSwitcher.FromTypes([typeof(HotPaths), typeof(CachingHeaders)]).Run(options.Contains("--filter") ? options : [.. options, "--filter", "*"]);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: NewsGraph.Bench paging <database file> | sql <database file | connection string> <queries folder> | micro <database file> [BenchmarkDotNet options] | cost <database> <body .json or .ndjson> [seconds] [concurrency]");
        return 2;
    }
}
