using GraphQL.DataLoader;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.DataLoader;

public sealed class DataLoaderTests
{
    [Fact]
    public async Task Keys_QueuedBeforeTheFirstAwait_AreFetchedInOneBatch()
    {
        var log = new FetchLog();
        var loader = new AuthorByIdDataLoader(log);

        var results = new[] { loader.LoadAsync(1), loader.LoadAsync(2), loader.LoadAsync(3) };
        var authors = await Task.WhenAll(results.Select(r => r.GetResultAsync()));

        Assert.Equal(["Author 1", "Author 2", "Author 3"], authors.Select(a => a!.Name));
        Assert.Equal(1, log.Fetches);
        Assert.Equal([1, 2, 3], log.Batches[0]);
    }

    [Fact]
    public async Task SameKey_IsFetchedOnceAndCachedForTheRequest()
    {
        var log = new FetchLog();
        var loader = new AuthorByIdDataLoader(log);

        var first = loader.LoadAsync(5);
        var second = loader.LoadAsync(5);
        await first.GetResultAsync();
        var third = await loader.LoadAsync(5).GetResultAsync();

        Assert.Same(await first.GetResultAsync(), await second.GetResultAsync());
        Assert.Same(await first.GetResultAsync(), third);
        Assert.Equal([5], log.Batches.Single());
    }

    [Fact]
    public async Task AwaitingACachedResultFirst_StillDispatchesItsBatch()
    {
        var loader = new AuthorByIdDataLoader(new FetchLog());

        _ = loader.LoadAsync(1);
        var cached = loader.LoadAsync(1);
        var author = await cached.GetResultAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Author 1", author!.Name);
    }

    [Fact]
    public async Task KeysAfterADispatch_GoToANewBatch()
    {
        var log = new FetchLog();
        var loader = new AuthorByIdDataLoader(log);

        await loader.LoadAsync(1).GetResultAsync();
        await loader.LoadAsync(2).GetResultAsync();

        Assert.Equal(2, log.Fetches);
    }

    [Fact]
    public async Task MissingKey_GivesNull()
    {
        var loader = new AuthorByIdDataLoader(new FetchLog());

        Assert.Null(await loader.LoadAsync(100).GetResultAsync());
    }

    [Fact]
    public async Task FailingFetch_FailsEveryKeyOfTheBatch()
    {
        var loader = new FailingLoader();

        var a = loader.LoadAsync(1);
        var b = loader.LoadAsync(2);

        await Assert.ThrowsAsync<TimeoutException>(() => a.GetResultAsync());
        await Assert.ThrowsAsync<TimeoutException>(() => b.GetResultAsync());
    }

    [Fact]
    public async Task ConcurrentLoads_FromManyThreads_AllResolve()
    {
        var log = new FetchLog();
        var loader = new AuthorByIdDataLoader(log);

        var results = await Task.WhenAll(Enumerable.Range(1, 500).Select(i => Task.Run(() => loader.LoadAsync(i % 50 + 1))));
        var authors = await Task.WhenAll(results.Select(r => r.GetResultAsync()));

        Assert.All(authors, Assert.NotNull);
        Assert.Equal(50, log.Batches.SelectMany(b => b).Distinct().Count());
        Assert.Equal(50, log.Batches.Sum(b => b.Length));
    }

    [Fact]
    public async Task Then_MapsWithoutFetchingEarly()
    {
        var log = new FetchLog();
        var loader = new AuthorByIdDataLoader(log);

        IDataLoaderResult<string> name = loader.LoadAsync(3).Then(a => a!.Name);
        Assert.Equal(0, log.Fetches);

        Assert.Equal("Author 3", await name.GetResultAsync());
    }

    [Fact]
    public async Task ListOfFiftyBooks_FetchesTheirAuthorsInOneBatch()
    {
        await using var server = await LibraryServer.StartAsync();

        var response = await server.PostAsync("{ books(first: 50) { title author { name } } }");

        Assert.Equal(50, response.Data.GetProperty("books").GetArrayLength());
        var log = server.Service<FetchLog>();
        Assert.Equal(1, log.Fetches);
        Assert.Equal(7, log.Batches[0].Length);
    }

    [Fact]
    public async Task NestedLists_FetchOnceALevel()
    {
        await using var server = await LibraryServer.StartAsync();

        var response = await server.PostAsync("{ books(first: 15) { author { books(first: 4) { author { name } } } } }");

        Assert.Empty(response.Errors);
        Assert.Equal(2, server.Service<FetchLog>().Fetches);
    }

    private sealed class FailingLoader : BatchDataLoader<int, string>
    {
        protected override Task<Dictionary<int, string>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
            => throw new TimeoutException("database went away");
    }
}
