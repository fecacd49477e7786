using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Caching;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Scalars;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Tests.Infrastructure;

// A toy schema with no news in it: the toolkit is tested on its own.

public sealed record Book(int Id, string Title, int AuthorId);

public sealed record Author(int Id, string Name);

/// <summary>Counts the fetches of <see cref="AuthorByIdDataLoader"/> across a test.</summary>
public sealed class FetchLog
{
    private int _fetches;
    public int Fetches => _fetches;
    public List<int[]> Batches { get; } = [];

    public void Record(IReadOnlyList<int> keys)
    {
        Interlocked.Increment(ref _fetches);
        lock (Batches)
            Batches.Add([.. keys]);
    }
}

/// <summary>
/// Numbers the executions of the <c>execution</c> fields, and holds them while closed, so a test
/// can tell which requests shared one.
/// </summary>
public sealed class ExecutionGate
{
    private int _count;
    private TaskCompletionSource _open = Opened();

    /// <summary>How many executions have passed or are held.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _count);
        await _open.Task.WaitAsync(cancellationToken);
        return number;
    }

    /// <summary>Waits until <paramref name="count"/> executions have reached the gate.</summary>
    public async Task WaitForAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Count < count)
            await Task.Delay(5, timeout.Token);
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource();
        open.SetResult();
        return open;
    }
}

public sealed class AuthorByIdDataLoader(FetchLog log) : BatchDataLoader<int, Author>
{
    protected override async Task<Dictionary<int, Author>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        log.Record(keys);
        await Task.Yield();
        return keys.Where(k => k % 100 != 0).ToDictionary(k => k, k => new Author(k, $"Author {k}"));
    }
}

public sealed class BookGraphType : ObjectGraphType<Book>
{
    public BookGraphType()
    {
        Name = "Book";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Format("Book", ctx.Source.Id));
        Field(b => b.Title);
        Field<AuthorGraphType>("author").ResolverCost().Resolve(ctx => ctx.DataLoader<AuthorByIdDataLoader>().LoadAsync(ctx.Source.AuthorId));
        this.ResponseKeys(b => [$"book:{b.Id}"]);
    }
}

public sealed class AuthorGraphType : ObjectGraphType<Author>
{
    public AuthorGraphType()
    {
        Name = "Author";
        Field(a => a.Id);
        Field(a => a.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookGraphType>>>>("books")
            .Argument<IntGraphType>("first")
            .ListSize(3, "first")
            .Resolve(ctx => LibraryQuery.Books(ctx.GetArgument("first", 3), null, authors: 1000, authorOffset: ctx.Source.Id * 1000));
        this.ResponseKeys(a => [$"author:{a.Id}"]);
    }
}

public sealed class LibraryQuery : ObjectGraphType
{
    public LibraryQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<StringGraphType>>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(ctx => $"Hello {ctx.GetArgument("name", "world")}");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookGraphType>>>>("books")
            .Argument<IntGraphType>("first")
            .Argument<IntGraphType>("authors", arg => arg.DefaultValue = 7)
            .ListSize(3, "first")
            .ResponseKeys(_ => ["books"])
            .Resolve(ctx => Books(ctx.GetArgument("first", 3), null, ctx.GetArgument("authors", 7)));
        Field<NonNullGraphType<StringGraphType>>("slow")
            .Argument<NonNullGraphType<IntGraphType>>("ms")
            .ResolveAsync(async ctx =>
            {
                await Task.Delay(ctx.GetArgument<int>("ms"), ctx.CancellationToken);
                return "done";
            });
        Field<NonNullGraphType<IntGraphType>>("execution")
            .Description("Which execution this is (see ExecutionGate).")
            .ResponseKeys(_ => ["executions"])
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<ExecutionGate>().PassAsync(ctx.CancellationToken));
        Field<StringGraphType>("boom").Resolve(_ => throw new InvalidOperationException("secret connection string leaked"));
        Field<StringGraphType>("coded").Resolve(_ => throw new ExecutionError("A deliberate error.") { Code = "DELIBERATE" });
        Field<NonNullGraphType<DateTimeType>>("publishedAt")
            .Resolve(_ => new DateTimeOffset(2020, 11, 23, 15, 52, 0, TimeSpan.FromHours(9)));
        Field<NonNullGraphType<DateTimeType>>("echoTime")
            .Argument<NonNullGraphType<DateTimeType>>("at")
            .Resolve(ctx => ctx.GetArgument<DateTimeOffset>("at"));
        Field<NonNullGraphType<DateType>>("echoDate")
            .Argument<NonNullGraphType<DateType>>("on")
            .Resolve(ctx => ctx.GetArgument<DateOnly>("on"));
        this.AddCatalogQueries();
        Field<NonNullGraphType<IntGraphType>>("bookNumber")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(ctx => ctx.GetIntId("id", "Book"));
    }

    public static List<Book> Books(int count, int? authorId, int authors = 7, int authorOffset = 0)
        => [.. Enumerable.Range(1, count).Select(i => new Book(i, $"Book {i}", authorId ?? authorOffset + (i % authors) + 1))];
}

public sealed class LibraryMutation : ObjectGraphType
{
    public LibraryMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<BookGraphType>>("addBook")
            .Argument<NonNullGraphType<StringGraphType>>("title")
            .Resolve(ctx => new Book(1000, ctx.GetArgument<string>("title"), 1));
        Field<NonNullGraphType<IntGraphType>>("execution")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<ExecutionGate>().PassAsync(ctx.CancellationToken));
    }
}

/// <summary>Books as they are added (tests publish them on the event bus under <see cref="Topic"/>).</summary>
public sealed class LibrarySubscription : ObjectGraphType
{
    public const string Topic = "books";

    public LibrarySubscription()
    {
        Name = "Subscription";
        Field<NonNullGraphType<BookGraphType>>("bookAdded")
            .Argument<IntGraphType>("authorId")
            .ResolveStream(ctx =>
            {
                var authorId = ctx.GetArgument<int?>("authorId");
                return SourceStreams.FromEvents<Book>(ctx, Topic, b => authorId is null || b.AuthorId == authorId);
            })
            .Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<BookGraphType>>("rareBookAdded")
            .Description("Librarians only.")
            .Authorize("librarian")
            .ResolveStream(ctx => SourceStreams.FromEvents<Book>(ctx, Topic))
            .Resolve(ctx => ctx.Source);
    }
}

public sealed class LibrarySchema : Schema
{
    public LibrarySchema(IServiceProvider services, LibraryQuery query, LibraryMutation mutation, LibrarySubscription subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
