using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Events;

namespace NewsGraph.Api.Tests.Transport;

/// <summary>
/// Real sockets (Kestrel on a loopback port), because only a real TCP connection pushes back when
/// a client stops reading: 199 subscribers read every event while one never reads at all.
/// </summary>
public sealed class SlowSubscriberTests
{
    private const int QueueCapacity = 32;
    private const int FastSubscribers = 199;
    private const int Events = 100;

    [Fact]
    public async Task OneSubscriberThatNeverReads_NeitherStallsTheOthers_NorMakesTheServerHoldMoreThanItsQueue()
    {
        var bus = new InMemoryEventBus(QueueCapacity);
        using var app = new NewsGraphApplication { ExtraServices = services => services.AddSingleton<IEventBus>(bus) };
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var endpoint = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/graphql");
        var (small, big) = await AddStoriesAsync(app);

        // The slow one hears every story, the big ones too (640 KB each), and never reads.
        using var slow = await SubscribeAsync(endpoint, "subscription { articlePublished { headline paragraphs } }");
        var fast = await Task.WhenAll(Enumerable.Range(0, FastSubscribers)
            .Select(_ => SubscribeAsync(endpoint, "subscription { articlePublished(section: \"world\") { id headline } }")));
        await app.WaitForSubscribersAsync(ArticleEvent.Topic, FastSubscribers + 1);

        // Round by round, as a newsroom publishes: every reader must get each story while the
        // slow one's backlog piles up, and each round must finish although the slow one never reads.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // against a hang, not a speed goal
        var received = fast.Select(_ => new List<string>()).ToArray();
        for (var round = 0; round < Events; round++)
        {
            await bus.PublishAsync(ArticleEvent.Topic, new ArticleEvent(ArticleEventKind.Published, big.Id, big.SectionId, 1, DateTimeOffset.UtcNow));
            await bus.PublishAsync(ArticleEvent.Topic, new ArticleEvent(ArticleEventKind.Published, small.Id, small.SectionId, 1, DateTimeOffset.UtcNow));
            var headlines = await Task.WhenAll(fast.Select(socket => ReadHeadlineAsync(socket, guard.Token)));
            for (var i = 0; i < fast.Length; i++)
                received[i].Add(headlines[i]);
        }
        var stillServing = await app.PostAsync("{ feedbackForm { prompt } }");

        Assert.All(received, headlines => Assert.Equal(Enumerable.Repeat("Small world story", Events), headlines));
        Assert.True(bus.Dropped > 0, "the never-reading subscriber's queue should have overflowed");
        Assert.InRange(bus.Pending, 0, QueueCapacity);
        Assert.Equal("How can we improve?", stillServing.Data.GetProperty("feedbackForm").GetProperty("prompt").GetString());
        foreach (var socket in fast)
            socket.Abort();
        slow.Abort();
    }

    private static async Task<(Article Small, Article Big)> AddStoriesAsync(NewsGraphApplication app)
    {
        await using var db = await app.CreateDbContextAsync();
        var world = new Section { Slug = "world", Name = "World" };
        var science = new Section { Slug = "science", Name = "Science" };
        var now = DateTime.UtcNow;
        var small = new Article { Slug = "small", Headline = "Small world story", Section = world, Status = ArticleStatus.Published, PublishedAt = now, UpdatedAt = now, Paragraphs = ["Short."] };
        var big = new Article
        {
            Slug = "big", Headline = "A very long science story", Section = science, Status = ArticleStatus.Published, PublishedAt = now, UpdatedAt = now,
            Paragraphs = [.. Enumerable.Range(0, 40).Select(i => new string((char)('a' + (i % 26)), 16_000))],
        };
        db.Articles.AddRange(small, big);
        await db.SaveChangesAsync();
        return (small, big);
    }

    private static async Task<ClientWebSocket> SubscribeAsync(Uri endpoint, string query)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(endpoint, CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init" });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket, CancellationToken.None)).GetProperty("type").GetString());
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query } });
        return socket;
    }

    private static async Task<string> ReadHeadlineAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var message = await ReceiveAsync(socket, cancellationToken);
        Assert.Equal("next", message.GetProperty("type").GetString());
        return message.GetProperty("payload").GetProperty("data").GetProperty("articlePublished").GetProperty("headline").GetString()!;
    }

    private static Task SendAsync(ClientWebSocket socket, object message)
        => socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var text = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
            text.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
                return JsonDocument.Parse(text.ToArray()).RootElement.Clone();
        }
    }
}
