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

    /// <summary>Adds what <paramref name="other"/> wrote and refused (the report of part of the work) to this one.</summary>
    public void Add(ImportReport other)
    {
        foreach (var (kind, rows) in other._written)
            Count(kind, rows);
        _errors.AddRange(other._errors);
    }

    public string Summary()
        => $"{string.Join(", ", _written.Select(w => $"{w.Value} {w.Key}"))}; {_errors.Count} error(s)";
}
