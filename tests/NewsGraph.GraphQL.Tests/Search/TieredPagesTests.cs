using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Paging;
using NewsGraph.GraphQL.Search;
using NewsGraph.GraphQL.Sorting;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Search;

/// <summary>Two tiers (products in stock, then the others), each by rating and id, walked a page at a time both ways.</summary>
public sealed class TieredPagesTests : IDisposable
{
    private static readonly TieredPages<Product> Pages = new([Key(p => p.Rating), Key(p => p.Id)]);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly CatalogDb _db;

    public TieredPagesTests()
    {
        _connection.Open();
        _db = new CatalogDb(new DbContextOptionsBuilder<CatalogDb>().UseSqlite(_connection).Options);
        _db.Database.EnsureCreated();
        _db.Products.AddRange(CatalogDb.Seed());
        _db.SaveChanges();
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    private static OrderKey Key<T>(Expression<Func<Product, T>> key) => new(key, Descending: true);

    private IReadOnlyList<IQueryable<Product>> Tiers => [_db.Products.Where(p => p.InStock), _db.Products.Where(p => !p.InStock)];

    private List<int> Expected => [.. _db.Products.AsEnumerable().OrderByDescending(p => p.InStock).ThenByDescending(p => p.Rating).ThenByDescending(p => p.Id).Select(p => p.Id)];

    private Task<Connection> PageAsync(int size, bool backward, string? after = null, string? before = null)
        => Pages.PageAsync(Tiers, new PageRequest(size, backward, after, before), (p, _) => p, totalCount: null, CancellationToken.None);

    [Fact]
    public async Task Forward_WalksEveryTierInTurn()
    {
        var seen = new List<int>();
        string? after = null;
        Connection page;
        do
        {
            page = await PageAsync(4, backward: false, after);
            seen.AddRange(page.Nodes.Cast<Product>().Select(p => p.Id));
            after = page.PageInfo.EndCursor;
        }
        while (page.PageInfo.HasNextPage);

        Assert.Equal(Expected, seen);
    }

    [Fact]
    public async Task Backward_WalksFromTheEndOfTheLastTier()
    {
        var seen = new List<int>();
        string? before = null;
        Connection page;
        do
        {
            page = await PageAsync(7, backward: true, before: before);
            seen.InsertRange(0, page.Nodes.Cast<Product>().Select(p => p.Id));
            before = page.PageInfo.StartCursor;
        }
        while (page.PageInfo.HasPreviousPage);

        Assert.Equal(Expected, seen);
    }

    [Fact]
    public async Task APageAfterACursor_OfTheFirstTier_RunsOnIntoTheNext()
    {
        var first = await PageAsync(13, backward: false);
        var next = await PageAsync(4, backward: false, after: first.PageInfo.EndCursor);

        Assert.Equal(Expected.Skip(13).Take(4), next.Nodes.Cast<Product>().Select(p => p.Id));
        Assert.True(next.PageInfo.HasPreviousPage);
    }

    [Fact]
    public async Task ACursorOfAnotherOrder_IsRefused()
    {
        var plain = KeysetCursor.Encode("00000000", [1.0, 2]);

        var error = await Assert.ThrowsAsync<global::GraphQL.ExecutionError>(() => PageAsync(4, backward: false, after: plain));

        Assert.Equal("HC0078", error.Code);
    }
}
