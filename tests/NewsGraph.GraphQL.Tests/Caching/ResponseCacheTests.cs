using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsGraph.GraphQL.Caching;

namespace NewsGraph.GraphQL.Tests.Caching;

/// <summary>The in-process response cache: kept until expiry or a purge of one of its keys, never stored across a purge.</summary>
public sealed class ResponseCacheTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public void AResponse_IsKeptUntilItExpires()
    {
        var cache = Cache();
        Assert.True(cache.Set("a", Response(TimeSpan.FromSeconds(30), "book:1"), cache.Generation));

        Assert.True(cache.TryGet("a", out var kept));
        _clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal("body", System.Text.Encoding.UTF8.GetString(kept.Body));
        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void APurge_DropsEveryResponseWithOneOfItsKeys_AndNoOther()
    {
        var cache = Cache();
        cache.Set("page", Response(TimeSpan.FromMinutes(1), "book:1", "shelf:a"), cache.Generation);
        cache.Set("front", Response(TimeSpan.FromMinutes(1), "book:2", "shelf:a"), cache.Generation);
        cache.Set("other", Response(TimeSpan.FromMinutes(1), "book:3", "shelf:b"), cache.Generation);

        var dropped = cache.Invalidate(["shelf:a"]);

        Assert.Equal(2, dropped);
        Assert.False(cache.TryGet("page", out _));
        Assert.False(cache.TryGet("front", out _));
        Assert.True(cache.TryGet("other", out _));
        Assert.Equal(0, cache.Invalidate(["book:1"]));
    }

    [Fact]
    public void AResponseExecutedBeforeAPurge_IsNotStoredAfterIt()
    {
        var cache = Cache();
        var before = cache.Generation;

        cache.Invalidate(["book:9"]);

        Assert.False(cache.Set("a", Response(TimeSpan.FromMinutes(1), "book:1"), before));
        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void WhenFull_TheExpiredGoFirst_ThenTheOldest()
    {
        var cache = Cache(maxEntries: 2);
        cache.Set("short", Response(TimeSpan.FromSeconds(1), "k"), cache.Generation);
        cache.Set("old", Response(TimeSpan.FromMinutes(1), "k"), cache.Generation);
        _clock.Advance(TimeSpan.FromSeconds(2));

        cache.Set("new", Response(TimeSpan.FromMinutes(1), "k"), cache.Generation);
        cache.Set("newest", Response(TimeSpan.FromMinutes(1), "k"), cache.Generation);

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("old", out _));
        Assert.True(cache.TryGet("new", out _));
        Assert.True(cache.TryGet("newest", out _));
    }

    [Fact]
    public void Clear_DropsEverything_AndStopsResponsesInFlightFromBeingStored()
    {
        var cache = Cache();
        cache.Set("a", Response(TimeSpan.FromMinutes(1), "k"), cache.Generation);
        var before = cache.Generation;

        cache.Clear();

        Assert.Equal(0, cache.Count);
        Assert.False(cache.Set("b", Response(TimeSpan.FromMinutes(1), "k"), before));
    }

    private ResponseCache Cache(int maxEntries = 100)
        => new(Options.Create(new ResponseCacheOptions { Enabled = true, MaxEntries = maxEntries }), _clock);

    private CachedResponse Response(TimeSpan lifetime, params string[] keys)
        => new("body"u8.ToArray(), "application/json", [], "\"tag\"", keys, _clock.GetUtcNow() + lifetime);
}
