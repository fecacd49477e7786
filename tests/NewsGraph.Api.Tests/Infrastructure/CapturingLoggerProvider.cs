using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// Keeps every log entry of an application as a line of text: category, message, the values of
/// its structured state, its exception and the scopes around it, so tests can read what a log
/// shipper would receive.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category}: {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            provider._scopes.ForEachScope((scope, list) => list.Add($"scope={Describe(scope)}"), parts);
            if (exception is not null)
                parts.Add(exception.ToString());
            provider._lines.Enqueue(string.Join(" | ", parts));
        }

        private static string? Describe(object? scope)
            => scope is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(",", values.Select(v => $"{v.Key}={v.Value}")) : scope?.ToString();
    }
}
