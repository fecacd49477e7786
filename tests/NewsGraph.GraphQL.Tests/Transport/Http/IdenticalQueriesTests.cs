using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NewsGraph.GraphQL.Tests.Infrastructure;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.GraphQL.Tests.Transport.Http;

public sealed class IdenticalQueriesTests : IAsyncLifetime
{
    private const string Query = "query Which { execution }";

    private LibraryServer _server = null!;

    private ExecutionGate Gate => _server.Service<ExecutionGate>();

    private IdenticalQueries<LibrarySchema> Shared => _server.Service<IdenticalQueries<LibrarySchema>>();

    public async Task InitializeAsync() => _server = await LibraryServer.StartAsync();

    public async Task DisposeAsync()
    {
        Gate.Open();
        await _server.DisposeAsync();
    }

    private async Task<GraphQLHttpResponse> SendAsync(
        string query, string? token = null, object? variables = null, string accept = MediaTypes.GraphQLResponse, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await GraphQLHttpResponse.ReadAsync(await _server.Client.SendAsync(request, cancellationToken));
    }

    private static int Execution(GraphQLHttpResponse response) => response.Data.GetProperty("execution").GetInt32();

    /// <summary>Runs <paramref name="query"/> once so its document is cached, then holds the next execution.</summary>
    private async Task<Task<GraphQLHttpResponse>> HoldOneAsync(string query = Query)
    {
        await SendAsync(query);
        var passed = Gate.Count;
        Gate.Close();
        var held = SendAsync(query);
        await Gate.WaitForAsync(passed + 1);
        return held;
    }

    /// <summary>
    /// Asserts that <paramref name="other"/> executed beside the held execution (the second one since
    /// the gate closed) instead of waiting for it, then lets both finish.
    /// </summary>
    private async Task<(GraphQLHttpResponse Held, GraphQLHttpResponse Other)> AssertExecutedBesideAsync(
        Task<GraphQLHttpResponse> held, Task<GraphQLHttpResponse> other)
    {
        await Gate.WaitForAsync(3);
        Assert.Equal(0, Shared.Waiting);
        Gate.Open();
        var (heldAnswer, otherAnswer) = (await held, await other);
        Assert.Equal(2, Execution(heldAnswer));
        Assert.Equal(3, Execution(otherAnswer));
        return (heldAnswer, otherAnswer);
    }

    private async Task WaitForWaitingAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Shared.Waiting != count)
            await Task.Delay(5, timeout.Token);
    }

    [Fact]
    public async Task IdenticalQueriesArrivingDuringAnExecution_ShareTheNextOne()
    {
        var held = await HoldOneAsync();
        var others = new[] { SendAsync(Query), SendAsync(Query, accept: MediaTypes.Json), SendAsync(Query) };
        await WaitForWaitingAsync(3);

        Gate.Open();

        Assert.Equal(2, Execution(await held));
        var answers = await Task.WhenAll(others);
        // One execution answered all three, and it started after they arrived, not the one they found running.
        Assert.All(answers, a => Assert.Equal(3, Execution(a)));
        Assert.Equal(3, Gate.Count);
        Assert.Equal(MediaTypes.Json, answers[1].MediaType);
        Assert.Equal(MediaTypes.GraphQLResponse, answers[0].MediaType);
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal(0, Shared.Waiting);
    }

    [Fact]
    public async Task ALoneQuery_ExecutesAtOnce()
    {
        await SendAsync(Query);

        var lone = await SendAsync(Query);

        Assert.Equal(2, Execution(lone));
        Assert.Equal(0, Shared.Waiting);
    }

    [Fact]
    public async Task QueriesOfDifferentUsers_NeverShare()
    {
        var anonymous = await HoldOneAsync();
        var token = TestTokens.For("ada", "librarian", DateTimeOffset.UtcNow.AddHours(1));

        var signedIn = SendAsync(Query, token);

        await AssertExecutedBesideAsync(anonymous, signedIn);
    }

    [Fact]
    public async Task QueriesWithDifferentVariables_NeverShare()
    {
        const string query = "query Which($name: String) { execution hello(name: $name) }";
        var held = await HoldOneAsync(query);

        var other = SendAsync(query, variables: new { name = "Seoul" });

        var answers = await AssertExecutedBesideAsync(held, other);
        Assert.Equal("Hello world", answers.Held.Data.GetProperty("hello").GetString());
        Assert.Equal("Hello Seoul", answers.Other.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task IdenticalMutations_EachExecute()
    {
        const string mutation = "mutation { execution }";
        var held = await HoldOneAsync(mutation);

        var second = SendAsync(mutation);

        await AssertExecutedBesideAsync(held, second);
    }

    [Fact]
    public async Task AWaiterThatGoesAway_StopsWaiting_AndTheOthersAreStillAnswered()
    {
        var held = await HoldOneAsync();
        using var leaving = new CancellationTokenSource();
        var gone = SendAsync(Query, cancellationToken: leaving.Token);
        var staying = SendAsync(Query);
        await WaitForWaitingAsync(2);

        leaving.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        Gate.Open();

        Assert.Equal(2, Execution(await held));
        Assert.Equal(3, Execution(await staying));
    }

    [Fact]
    public async Task TurnedOff_IdenticalQueriesEachExecute()
    {
        await _server.DisposeAsync();
        _server = await LibraryServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:ShareIdenticalQueries"] = "false" });
        var held = await HoldOneAsync();

        var second = SendAsync(Query);

        await AssertExecutedBesideAsync(held, second);
    }
}
