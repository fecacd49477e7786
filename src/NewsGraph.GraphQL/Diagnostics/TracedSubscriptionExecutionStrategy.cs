using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using GraphQL.MicrosoftDI;
using Microsoft.Extensions.DependencyInjection;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>
/// GraphQL.NET's scoped subscription strategy (a service scope per event), with each event
/// resolved as an operation of its own for traces and metrics: a span named like the
/// subscription (<c>subscription ArticlePublished</c>), in a trace of its own linked to the
/// subscribing operation's, and a point in the operation duration histogram.
/// </summary>
public sealed class TracedSubscriptionExecutionStrategy(IServiceScopeFactory scopes, OperationTelemetry telemetry) : ScopedSubscriptionExecutionStrategy(scopes)
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        var started = Stopwatch.GetTimestamp();
        var subscribing = Activity.Current;
        Activity.Current = null;
        using var span = GraphQLTelemetry.Source.StartActivity(ActivityKind.Internal, default(ActivityContext),
            links: subscribing is null ? null : [new ActivityLink(subscribing.Context)], name: "GraphQL subscription event");
        span?.SetTag("graphql.subscription.event", true);
        var result = await base.ProcessDataAsync(context, node, value).ConfigureAwait(false);
        result.Operation ??= context.Operation;
        telemetry.Record(span, new ExecutionOptions { OperationName = context.Operation.Name?.StringValue }, result, Stopwatch.GetElapsedTime(started));
        return result;
    }
}
