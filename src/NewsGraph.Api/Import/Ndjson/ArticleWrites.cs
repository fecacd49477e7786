namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// Batches of articles handed to the writer one after another, each written while the next is read:
/// parsing the files and the database's work overlap. One batch is in the database at a time, so
/// batches still commit in file order. A batch's outcomes join the import's report once it is
/// written, after what was read meanwhile.
/// </summary>
internal sealed class ArticleWrites(NdjsonWriter writer, ImportReport report, TimeSpan pause, IProgress<int>? articlesDone)
{
    private Task<ImportReport>? _writing;
    private int _writingCount;
    private int _done;

    /// <summary>Waits for the batch before (and the pause after it), then starts writing this one.</summary>
    public async Task WriteAsync(List<(int Line, ArticleRow Row)> batch, List<(int Line, ImageRow Row)> images, List<(int Line, QuoteRow Row)> quotes, CancellationToken cancellationToken)
    {
        if (await WaitAsync() && pause > TimeSpan.Zero)
            await Task.Delay(pause, cancellationToken);
        _writingCount = batch.Count;
        _writing = Task.Run(() =>
        {
            var outcome = new ImportReport();
            writer.WriteArticles(batch, images, quotes, outcome);
            return outcome;
        }, cancellationToken);
    }

    /// <summary>Waits for the batch being written, if any (true then), and adds its outcomes to the report.</summary>
    public async Task<bool> WaitAsync()
    {
        if (_writing is null)
            return false;
        var outcome = await _writing;
        _writing = null;
        report.Add(outcome);
        _done += _writingCount;
        articlesDone?.Report(_done);
        return true;
    }
}
