using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>
/// A span for each GraphQL operation, named as OpenTelemetry's GraphQL conventions ask
/// (<c>query FrontPage</c>), with a child span for parsing and validation and one for execution,
/// under which DataLoader batches and SQL commands nest; the operation's duration by name, type and
/// outcome, and its errors by code.
/// </summary>
public sealed class OperationTelemetry : IConfigureExecution
{
    /// <summary>Operation names are the client's to choose: past this many, the rest count as <see cref="OtherOperations"/>.</summary>
    public const int MaxOperationNames = 200;

    public const string OtherOperations = "(other)";

    private readonly ConcurrentDictionary<string, byte> _operationNames = new(StringComparer.Ordinal);

    // After the options configurations (100), before the document cache (200), so parsing is inside.
    public float SortOrder => 150;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        using var operation = GraphQLTelemetry.Source.StartActivity("GraphQL operation");
        var phases = operation is null ? null : new Phases();
        if (phases is not null)
            options.Listeners.Add(phases);
        ExecutionResult result;
        try
        {
            result = await next(options).ConfigureAwait(false);
        }
        finally
        {
            phases?.End();
        }
        Record(operation, options, result, Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <summary>The duration, errors and span tags of a finished operation (also used for subscription events).</summary>
    public void Record(Activity? span, ExecutionOptions options, ExecutionResult result, TimeSpan duration)
    {
        var type = TypeOf(result.Operation?.Operation);
        var name = NameTag(result.Operation?.Name?.StringValue ?? options.OperationName);
        var outcome = !result.Executed ? "rejected" : result.Errors is { Count: > 0 } ? "error" : "success";
        GraphQLTelemetry.OperationDuration.Record(duration.TotalSeconds,
            new("graphql.operation.name", name), new("graphql.operation.type", type), new("graphql.outcome", outcome));
        foreach (var error in result.Errors ?? [])
            GraphQLTelemetry.Errors.Add(1, new KeyValuePair<string, object?>("graphql.error.code", CodeOf(error)));
        if (span is null)
            return;
        span.DisplayName = name.Length == 0 ? type : $"{type} {name}";
        span.SetTag("graphql.operation.type", type);
        span.SetTag("graphql.operation.name", name);
        span.SetTag("graphql.outcome", outcome);
        if (span.IsAllDataRequested && options.Query is { } query)
            span.SetTag("graphql.document.hash", DocumentHash(query));
        if (outcome != "success")
            span.SetStatus(ActivityStatusCode.Error, result.Errors is { Count: > 0 } errors ? CodeOf(errors[0]) : outcome);
    }

    /// <summary>The SHA-256 of the document's UTF-8 text, in hex; only the hex string is allocated.</summary>
    private static string DocumentHash(string query)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(query.Length));
        try
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8.AsSpan(0, Encoding.UTF8.GetBytes(query, utf8)), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>The name to record for an operation: its own, or <see cref="OtherOperations"/> once too many were seen.</summary>
    private string NameTag(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return "";
        if (_operationNames.ContainsKey(name))
            return name;
        if (_operationNames.Count >= MaxOperationNames)
            return OtherOperations;
        _operationNames.TryAdd(name, 0);
        return name;
    }

    private static string TypeOf(OperationType? type) => type switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "unknown",
    };

    /// <summary>The code the client sees (<see cref="MaskingErrorInfoProvider"/>).</summary>
    private static string CodeOf(ExecutionError error) => error switch
    {
        TimeoutError => ErrorCodes.Timeout,
        _ when MaskingErrorInfoProvider.IsUnexpected(error) => ErrorCodes.UnexpectedExecutionError,
        _ => error.Code ?? "GRAPHQL_ERROR",
    };

    /// <summary>
    /// Parsing and validation end, and execution starts, where GraphQL.NET calls its listeners.
    /// The methods are not async on purpose: the span they start stays current in the engine's
    /// flow, so resolvers, DataLoaders and SQL commands nest under it.
    /// </summary>
    private sealed class Phases : DocumentExecutionListenerBase
    {
        private readonly Activity? _validation = GraphQLTelemetry.Source.StartActivity("GraphQL validate");
        private Activity? _execution;

        public override Task BeforeExecutionAsync(IExecutionContext context)
        {
            _validation?.Stop();
            _execution = GraphQLTelemetry.Source.StartActivity("GraphQL execute");
            return Task.CompletedTask;
        }

        public override Task AfterExecutionAsync(IExecutionContext context)
        {
            _execution?.Stop();
            return Task.CompletedTask;
        }

        public void End()
        {
            _validation?.Stop();
            _execution?.Stop();
        }
    }
}
