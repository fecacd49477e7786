namespace NewsGraph.Bench;

public static class Program
{
    // dotnet run -c Release --project bench/NewsGraph.Bench -- paging <database file>
    public static async Task<int> Main(string[] args) => args switch
    {
        ["paging", var database] => await PagingBenchmark.RunAsync(database),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: NewsGraph.Bench paging <database file>");
        return 2;
    }
}
