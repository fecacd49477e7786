namespace NewsGraph.Api.Import;

/// <summary>Bound from the <c>Import</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Articles per transaction in a bulk import.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>A pause after each bulk batch, to leave a live database room to serve while it loads.</summary>
    public TimeSpan PauseBetweenBatches { get; set; }
}
