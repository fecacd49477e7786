using System.Text.Json.Serialization.Metadata;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// The rows of a file that belong to articles (images, quotes), read along with the articles:
/// files written in article order need only one row in memory at a time. Rows of an article
/// already read out of order are still handed over.
/// </summary>
internal sealed class RelatedRows<T> : IDisposable
    where T : class
{
    private readonly NdjsonLineReader? _reader;
    private readonly string _file;
    private readonly JsonTypeInfo<T> _type;
    private readonly Func<T, int> _articleId;
    private readonly ImportReport _report;
    private readonly Dictionary<int, int> _seen = [];
    private readonly Func<T, int> _id;
    private (int Line, T Row)? _pending;
    private bool _done;

    private RelatedRows(NdjsonLineReader? reader, string file, JsonTypeInfo<T> type, Func<T, int> articleId, Func<T, int> id, ImportReport report)
    {
        _reader = reader;
        _file = file;
        _type = type;
        _articleId = articleId;
        _id = id;
        _report = report;
        _done = reader is null;
    }

    public static RelatedRows<T> Open(string folder, string file, JsonTypeInfo<T> type, Func<T, int> articleId, Func<T, int> id, ImportReport report)
    {
        var path = Path.Combine(folder, file);
        return new RelatedRows<T>(System.IO.File.Exists(path) ? new NdjsonLineReader(System.IO.File.OpenRead(path)) : null, file, type, articleId, id, report);
    }

    /// <summary>The valid rows up to the first one of an article after <paramref name="maxArticleId"/>.</summary>
    public async Task<List<(int Line, T Row)>> TakeUpToAsync(int maxArticleId, CancellationToken cancellationToken)
    {
        var rows = new List<(int, T)>();
        while (true)
        {
            if (_pending is null && !_done)
                _pending = await NextAsync(cancellationToken);
            if (_pending is not { } pending || _articleId(pending.Row) > maxArticleId)
                return rows;
            rows.Add(pending);
            _pending = null;
        }
    }

    private async Task<(int, T)?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (read, line, tooLong) = await _reader!.ReadLineAsync(cancellationToken);
            if (!read)
            {
                _done = true;
                return null;
            }
            if (tooLong)
            {
                _report.Fail(_file, _reader.LineNumber, $"the line is longer than {NdjsonLineReader.MaxLineBytes} bytes");
                continue;
            }
            if (line.Span.Trim((byte)' ').IsEmpty)
                continue;
            if (!NdjsonRowReader.TryRead(line.Span, _type, out var row, out var error))
            {
                _report.Fail(_file, _reader.LineNumber, error!);
                continue;
            }
            if (!_seen.TryAdd(_id(row!), _reader.LineNumber))
            {
                _report.Fail(_file, _reader.LineNumber, $"duplicate id {_id(row!)} (first on line {_seen[_id(row!)]})");
                continue;
            }
            return (_reader.LineNumber, row!);
        }
    }

    public void Dispose() => _reader?.Dispose();
}
