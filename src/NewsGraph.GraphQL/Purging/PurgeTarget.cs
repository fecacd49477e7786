using System.Net;
using System.Net.Http.Json;

namespace NewsGraph.GraphQL.Purging;

/// <summary>Sends one request of keys to one target (<see cref="PurgeTargetOptions"/>) and says how it went.</summary>
public sealed class PurgeTarget(PurgeTargetOptions options, HttpClient http)
{
    public PurgeTargetOptions Options { get; } = options;

    public async Task<PurgeOutcome> SendAsync(IReadOnlyList<string> keys, string reason, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = Options.Kind == PurgeTargetKind.Webhook
            ? new HttpRequestMessage(HttpMethod.Post, Options.Url) { Content = JsonContent.Create(new { keys, reason, at = DateTimeOffset.UtcNow }) }
            : new HttpRequestMessage(new HttpMethod(Options.Method), Options.Url);
        if (Options.Kind == PurgeTargetKind.KeyHeader)
            request.Headers.TryAddWithoutValidation(Options.KeyHeader, string.Join(' ', keys));
        foreach (var (name, value) in Options.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return new PurgeOutcome(true, false, $"{(int)response.StatusCode}");
            var retry = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new PurgeOutcome(false, retry, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new PurgeOutcome(false, true, ex is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0.#} s" : ex.Message);
        }
    }
}
