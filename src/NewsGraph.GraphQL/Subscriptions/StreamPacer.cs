using System.Threading.Channels;
using GraphQL;

namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>
/// Lets a subscription's source hand over one event at a time: the next event waits until the
/// transport has sent (or dropped) the result of the previous one. Without it, GraphQL.NET starts
/// resolving every event the moment it arrives, so a client that stops reading would make the
/// server queue resolved results without bound. The transport puts one pacer per operation in the
/// operation's user context; sources without one (in-process execution) are not paced.
/// </summary>
public sealed class StreamPacer
{
    private const string Key = "NewsGraph.StreamPacer";

    // One credit: taken before an event is handed over, put back when its result has left.
    private readonly Channel<bool> _credit = Channel.CreateBounded<bool>(1);

    public StreamPacer() => _credit.Writer.TryWrite(true);

    /// <summary>Waits until the previous event's result has left.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await _credit.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Called by the transport once a result is sent or dropped; releasing twice is harmless.</summary>
    public void Release() => _credit.Writer.TryWrite(true);

    public void AttachTo(IDictionary<string, object?> userContext) => userContext[Key] = this;

    public static StreamPacer? Of(IResolveFieldContext context)
        => context.UserContext.TryGetValue(Key, out var value) ? value as StreamPacer : null;
}
