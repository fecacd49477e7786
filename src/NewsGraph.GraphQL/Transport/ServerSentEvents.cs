using System.Text;
using System.Threading.Channels;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NewsGraph.GraphQL.Errors;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// GraphQL over server-sent events, the "distinct connections" mode of the GraphQL-over-SSE
/// protocol: one request, one stream of <c>next</c> events, then <c>complete</c>. For clients
/// behind proxies that block WebSockets, and for <c>EventSource</c> (GET).
/// </summary>
internal sealed class ServerSentEvents(ResultFormatter formatter, TimeSpan keepAliveInterval, TimeProvider clock)
{
    private static readonly byte[] KeepAlive = ":\n\n"u8.ToArray();
    private static readonly byte[] Complete = "event: complete\ndata:\n\n"u8.ToArray();
    private static readonly byte[] NextStart = "event: next\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    public async Task WriteAsync(HttpContext http, ExecutionResult result, StreamPacer pacer)
    {
        var response = http.Response;
        var aborted = http.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaTypes.EventStream + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // proxies such as nginx: pass each event on at once
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(aborted).ConfigureAwait(false);
        // The headers now, not with the first event: an EventSource is open only once it has them.
        await response.Body.FlushAsync(aborted).ConfigureAwait(false);

        if (result.Streams is not { Count: > 0 } streams)
        {
            await NextAsync(response, formatter.Result(result), aborted).ConfigureAwait(false);
            await response.Body.WriteAsync(Complete, aborted).ConfigureAwait(false);
            return;
        }

        // One result at a time (the pacer), so the channel never holds more than one.
        var events = Channel.CreateUnbounded<(string? Json, bool Completed)>(new UnboundedChannelOptions { SingleReader = true });
        var source = streams.Values.First().Subscribe(new ChannelObserver(events.Writer, formatter));
        using var expiry = ExpiryOf(http);
        try
        {
            await StreamAsync(response, events.Reader, pacer, expiry.Token, aborted).ConfigureAwait(false);
            await response.Body.WriteAsync(Complete, aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            source.Dispose();
        }
    }

    /// <summary>Sends each event as it comes, a keep-alive comment when none comes for a while, until the stream or the token ends.</summary>
    private async Task StreamAsync(
        HttpResponse response, ChannelReader<(string? Json, bool Completed)> events, StreamPacer pacer, CancellationToken expired, CancellationToken aborted)
    {
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted, expired);
            wait.CancelAfter(keepAliveInterval);
            (string? Json, bool Completed) next;
            try
            {
                next = await events.ReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (expired.IsCancellationRequested && !aborted.IsCancellationRequested)
            {
                await NextAsync(response, Expired(), aborted).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                await response.Body.WriteAsync(KeepAlive, aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
                continue;
            }
            if (next.Json is not null)
            {
                await NextAsync(response, next.Json, aborted).ConfigureAwait(false);
                pacer.Release();
            }
            if (next.Completed)
                return;
        }
    }

    private string Expired() => $"{{\"errors\":{formatter.Errors([Streaming.TokenExpired()])}}}";

    private CancellationTokenSource ExpiryOf(HttpContext http)
    {
        var expiry = new CancellationTokenSource();
        if (AccessTokens.IsSignedIn(http.User) && AccessTokens.ExpiresAt(http.User) is { } expiresAt)
            expiry.CancelAfter(Streaming.Until(expiresAt, clock));
        return expiry;
    }

    private static async Task NextAsync(HttpResponse response, string json, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(NextStart, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(EventEnd, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class ChannelObserver(ChannelWriter<(string?, bool)> writer, ResultFormatter formatter) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => writer.TryWrite((formatter.Result(value), false));

        public void OnError(Exception error)
            => writer.TryWrite(($"{{\"errors\":{formatter.Errors([error as ExecutionError ?? new ExecutionError("The stream failed.") { Code = ErrorCodes.UnexpectedExecutionError }])}}}", true));

        public void OnCompleted() => writer.TryWrite((null, true));
    }
}

/// <summary>What the streaming transports share about ending streams.</summary>
internal static class Streaming
{
    public static ExecutionError TokenExpired()
        => new("The access token has expired, so the subscription has ended. Subscribe again with a new token.") { Code = ErrorCodes.AuthNotAuthenticated };

    /// <summary>The delay until <paramref name="at"/>, at least zero and within what timers take.</summary>
    public static TimeSpan Until(DateTimeOffset at, TimeProvider clock)
    {
        var delay = at - clock.GetUtcNow();
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > TimeSpan.FromDays(24) ? TimeSpan.FromDays(24) : delay;
    }
}
