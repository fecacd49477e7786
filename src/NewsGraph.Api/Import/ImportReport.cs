namespace NewsGraph.Api.Import;

/// <summary>What an import did: rows written per kind, and every record it refused with where it was.</summary>
public sealed class ImportReport
{
    private readonly Dictionary<string, int> _written = new(StringComparer.Ordinal);
    private readonly List<ImportError> _errors = [];

    public IReadOnlyDictionary<string, int> Written => _written;

    public IReadOnlyList<ImportError> Errors => _errors;

    public bool Succeeded => _errors.Count == 0;

    public void Count(string kind, int rows = 1)
    {
        _written[kind] = _written.GetValueOrDefault(kind) + rows;
        Telemetry.NewsMetrics.Imported(kind, rows);
    }

    public void Fail(string file, int line, string message) => _errors.Add(new ImportError(file, line, message));

    public string Summary()
        => $"{string.Join(", ", _written.Select(w => $"{w.Value} {w.Key}"))}; {_errors.Count} error(s)";
}
