using System.Linq.Expressions;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Sorting;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Paging;

public sealed class KeysetCursorTests
{
    private static readonly IReadOnlyList<OrderKey> Order =
    [
        Key(p => p.DiscontinuedAt), Key(p => p.Name), Key(p => p.Sku), Key(p => p.Price), Key(p => p.Category),
        Key(p => p.InStock), Key(p => p.ReleasedOn), Key(p => p.Rating), Key(p => p.Sold), Key(p => p.Id),
    ];

    [Fact]
    public void Cursor_RoundTripsEveryKeyKind()
    {
        object?[] values = [null, "Ünïcode \"name\"", Guid.NewGuid(), 12.25m, Category.Games, true, new DateOnly(2020, 2, 29), 0.1, long.MaxValue, 42];
        var fingerprint = KeysetCursor.Fingerprint(Order);

        var cursor = KeysetCursor.Encode(fingerprint, values);

        Assert.True(KeysetCursor.TryDecode(cursor, fingerprint, Order, out var decoded));
        Assert.Equal(values, decoded);
    }

    [Fact]
    public void Cursor_KeepsTheInstantOfAUtcTime()
    {
        IReadOnlyList<OrderKey> order = [Key(p => p.DiscontinuedAt)];
        var time = new DateTime(2024, 3, 1, 6, 52, 0, 123, DateTimeKind.Utc);
        var fingerprint = KeysetCursor.Fingerprint(order);

        Assert.True(KeysetCursor.TryDecode(KeysetCursor.Encode(fingerprint, [time]), fingerprint, order, out var decoded));
        Assert.Equal(time, decoded[0]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)decoded[0]!).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("e30=")] // {}
    [InlineData("WyJ4IiwxXQ==")] // ["x",1]: another order's fingerprint
    public void Cursor_ThatIsNotOurs_IsRefused(string cursor)
        => Assert.False(KeysetCursor.TryDecode(cursor, KeysetCursor.Fingerprint(Order), Order, out _));

    [Fact]
    public void Cursor_WithAValueOfTheWrongType_IsRefused()
    {
        IReadOnlyList<OrderKey> order = [Key(p => p.Id)];
        var fingerprint = KeysetCursor.Fingerprint(order);

        Assert.False(KeysetCursor.TryDecode(KeysetCursor.Encode(fingerprint, ["seven"]), fingerprint, order, out _));
        Assert.False(KeysetCursor.TryDecode(KeysetCursor.Encode(fingerprint, [null]), fingerprint, order, out _));
        Assert.False(KeysetCursor.TryDecode(KeysetCursor.Encode(fingerprint, [1, 2]), fingerprint, order, out _));
    }

    [Fact]
    public void Fingerprint_DependsOnKeysAndDirectionsNotOnParameterNames()
    {
        Expression<Func<Product, int>> a = x => x.Id;
        Expression<Func<Product, int>> b = y => y.Id;

        Assert.Equal(KeysetCursor.Fingerprint([new OrderKey(a, false)]), KeysetCursor.Fingerprint([new OrderKey(b, false)]));
        Assert.NotEqual(KeysetCursor.Fingerprint([new OrderKey(a, false)]), KeysetCursor.Fingerprint([new OrderKey(a, true)]));
    }

    private static OrderKey Key<T>(Expression<Func<Product, T>> key) => new(key, false);
}
