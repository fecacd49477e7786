using System.Diagnostics;
using System.Text;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Execution;

/// <summary>Documents over a limit are refused before validation, each limit with its own code.</summary>
[Collection(ProcessCpu.Collection)]
public sealed class DocumentLimitsTests : IAsyncLifetime
{
    private LibraryServer _server = null!;

    public async Task InitializeAsync()
        => _server = await LibraryServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:AllowIntrospection"] = "true" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>30 fragments that each spread the next one twice: a billion fields once spread, about 2 KB written.</summary>
    private static string Explosion(int fragments, string selection, string type, string leaf, string spread = "...F{0} ...F{0}")
    {
        var document = new StringBuilder($"query {{ {selection} }}\n");
        for (var i = 0; i < fragments; i++)
        {
            var body = i < fragments - 1 ? string.Format(System.Globalization.CultureInfo.InvariantCulture, spread, i + 1) : leaf;
            document.Append(System.Globalization.CultureInfo.InvariantCulture, $"fragment F{i} on {type} {{ {body} }}\n");
        }
        return document.ToString();
    }

    private const string Visits = "MAX_FRAGMENT_VISITS_EXCEEDED";

    public static TheoryData<string, string, string> Explosions => new()
    {
        { "the 30-fragment document", Explosion(30, "books { ...F0 }", "Book", "title"), Visits },
        { "deeper (60 fragments)", Explosion(60, "books { ...F0 }", "Book", "title"), Visits },
        { "with aliases", Explosion(30, "books { ...F0 }", "Book", "a: title b: title", "x: title ...F{0} y: title ...F{0}"), Visits },
        { "with inline fragments", Explosion(30, "books { ...F0 }", "Book", "title", "... on Book {{ ...F{0} }} ... {{ ...F{0} }}"), Visits },
        // Merged by response name level by level, the nested copies reach the comparison budget first.
        { "nested in fields", Explosion(30, "books { ...F0 }", "Book", "title", "author {{ books {{ ...F{0} }} }} ...F{0}"), "HC0107" },
        { "over introspection types", Explosion(30, "__schema { types { ...F0 } }", "__Type", "name"), Visits },
    };

    [Theory]
    [MemberData(nameof(Explosions))]
    public async Task AFragmentExplosion_IsRefusedAtOnce_AndLeavesNoWorkBehind(string name, string document, string code)
    {
        // Warm up the path and let the start-up's background work settle, so the figures below are the request's own.
        await _server.PostAsync("{ books { title } }");
        await _server.PostAsync(Explosion(12, "books { ...F0 }", "Book", "title"));

        // Other work in the test process (JIT, GC, finished tests) only ever adds CPU time, while a
        // request still running would fill every second after its answer: one quiet second of
        // three attempts shows that the request left nothing behind.
        var attempts = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await ProcessCpu.WaitUntilIdleAsync();
            var clock = Stopwatch.StartNew();
            var cpuBefore = ProcessCpu.Now();
            var response = await _server.PostAsync(document);
            var answeredIn = clock.Elapsed;
            var cpuForTheAnswer = ProcessCpu.Now() - cpuBefore;
            var afterTheAnswer = await ProcessCpu.UsedDuringAsync(TimeSpan.FromSeconds(1));

            Assert.True(response.Status == 400, $"{name}: {response.Text}");
            Assert.Equal([code], response.ErrorCodes);
            attempts.Add($"answered in {answeredIn.TotalMilliseconds:0} ms using {cpuForTheAnswer.TotalMilliseconds:0} ms of CPU, "
                         + $"then {afterTheAnswer.TotalMilliseconds:0} ms of CPU");
            // Wall time on a shared 2-core machine says more about the neighbours than about the
            // request; the CPU it took is its own.
            if (cpuForTheAnswer < TimeSpan.FromMilliseconds(100) && answeredIn < TimeSpan.FromSeconds(1) && afterTheAnswer < TimeSpan.FromMilliseconds(200))
                return;
        }
        Assert.Fail($"{name}: {string.Join("; ", attempts)}");
    }

    public static TheoryData<string, string> OverLimits => new()
    {
        { "{ " + string.Join(' ', Enumerable.Range(0, 2049).Select(i => $"a{i}: hello")) + " }", "MAX_FIELDS_EXCEEDED" },
        { "{ books { title" + string.Concat(Enumerable.Repeat(" @include(if: true)", 10_000)) + " } }", "MAX_DIRECTIVES_PER_LOCATION_EXCEEDED" },
        { "{ hello @include(if: true) @include(if: true) @skip(if: false) @skip(if: false) @include(if: true) }", "MAX_DIRECTIVES_PER_LOCATION_EXCEEDED" },
        { "{ " + string.Join(' ', Enumerable.Repeat("hello", 500)) + " }", "HC0107" },
        { "{ " + string.Join(' ', Enumerable.Repeat("books { author { name } }", 300)) + " }", "HC0107" },
        { "{ " + string.Join(' ', Enumerable.Range(0, 100).Select(i => $"s{i}: __schema {{ types {{ name }} }}")) + " }", "MAX_INTROSPECTION_FIELDS_EXCEEDED" },
    };

    [Theory]
    [MemberData(nameof(OverLimits))]
    public async Task ADocumentOverALimit_Gets400WithTheLimitsCode(string document, string code)
    {
        var response = await _server.PostAsync(document);

        Assert.Equal(400, response.Status);
        Assert.Equal([code], response.ErrorCodes);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task ADocumentAtEveryLimit_IsAnswered()
    {
        await using var server = await LibraryServer.StartAsync(new Dictionary<string, string?> { ["GraphQL:Cost:MaxFieldCost"] = "100000" });
        var fields = string.Join(' ', Enumerable.Range(0, 2046).Select(i => $"a{i}: hello"));
        var response = await server.PostAsync("{ " + fields + " books @include(if: true) @skip(if: false) { title } }");

        Assert.Equal(200, response.Status);
        Assert.Empty(response.Errors);
    }

    [Fact]
    public async Task EveryLimit_IsConfigurable()
    {
        await using var strict = await LibraryServer.StartAsync(new Dictionary<string, string?>
        {
            ["GraphQL:MaxFieldsPerDocument"] = "3",
            ["GraphQL:MaxDirectivesPerLocation"] = "1",
            ["GraphQL:MaxFragmentVisits"] = "2",
            ["GraphQL:MaxFieldMergeComparisons"] = "1",
        });

        Assert.Equal(["MAX_FIELDS_EXCEEDED"], (await strict.PostAsync("{ a: hello b: hello c: hello d: hello }")).ErrorCodes);
        Assert.Equal(["MAX_DIRECTIVES_PER_LOCATION_EXCEEDED"], (await strict.PostAsync("{ hello @include(if: true) @skip(if: false) }")).ErrorCodes);
        Assert.Equal(["MAX_FRAGMENT_VISITS_EXCEEDED"], (await strict.PostAsync("{ ...Q ...Q ...Q } fragment Q on Query { hello }")).ErrorCodes);
        Assert.Equal(["HC0107"], (await strict.PostAsync("{ hello hello hello }")).ErrorCodes);
        Assert.Empty((await strict.PostAsync("{ hello hello }")).Errors);
    }

    public static TheoryData<string, string> Cycles => new()
    {
        { "{ books { ...A } } fragment A on Book { author { books { ...B } } } fragment B on Book { ...A }", "NO_FRAGMENT_CYCLES" },
        { "{ ...A } fragment A on Query { " + string.Concat(Enumerable.Repeat("...A ", 40_000)) + "}", "NO_FRAGMENT_CYCLES" },
        // Cycles among fragments that spread two others each: exponential for rules that do not expect a cycle.
        { "{ ...F0 } " + string.Concat(Enumerable.Range(0, 60).Select(i => i < 53 ? $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 7} }} " : $"fragment F{i} on Query {{ ...F0 ...F1 }} ")), "NO_FRAGMENT_CYCLES" },
        // Thousands of fragments in a chain: deeper than a thread's stack if walked recursively.
        { "{ ...F0 } " + string.Concat(Enumerable.Range(0, 6_000).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }} ")) + "fragment F6000 on Query { ...F0 }", "NO_FRAGMENT_CYCLES" },
        { "{ ...F0 } " + string.Concat(Enumerable.Range(0, 6_000).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }} ")) + "fragment F6000 on Query { hello }", "MAX_FRAGMENT_VISITS_EXCEEDED" },
    };

    [Theory]
    [MemberData(nameof(Cycles))]
    public async Task FragmentCyclesAndLongChains_AreRefusedBeforeTheSpecRules(string document, string code)
    {
        var response = await _server.PostAsync(document);
        var healthy = await _server.PostAsync("{ hello }");

        Assert.Equal(400, response.Status);
        Assert.Equal([code], response.ErrorCodes);
        Assert.Equal(200, healthy.Status);
    }
}
