namespace NewsGraph.Api.Import;

/// <summary>Bound from the <c>Import</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>The UTC offset of a wire story's time line ("All News 15:52 November 23, 2020"): Korea time.</summary>
    public TimeSpan DefaultOffset { get; set; } = TimeSpan.FromHours(9);

    /// <summary>Articles per transaction in a bulk import.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>A pause after each bulk batch, to leave a live database room to serve while it loads.</summary>
    public TimeSpan PauseBetweenBatches { get; set; }
}
