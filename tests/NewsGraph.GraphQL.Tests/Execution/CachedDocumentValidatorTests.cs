using GraphQL;
using GraphQL.Execution;
using GraphQL.Instrumentation;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Tests.Infrastructure;

namespace NewsGraph.GraphQL.Tests.Execution;

public sealed class CachedDocumentValidatorTests
{
    private const string Query = "query($n: Int!) { books(first: $n) { title } }";

    [Fact]
    public async Task CachedRules_RunAroundTheDefaultValidator_CalledWithNoRules()
    {
        await using var server = await LibraryServer.StartAsync();
        var inner = new RecordingValidator();
        var rule = new RecordingRule(visitor: false);

        var result = await Validate(server, inner, new CachedDocumentRules([rule]), """{"n": 2}""");

        Assert.True(result.IsValid);
        Assert.Equal([0], inner.RuleCounts);
        Assert.Equal(0, rule.NodesEntered);
        Assert.True(rule.SawArguments); // the post rule (cost) reads the arguments the default validator parsed
        Assert.Equal(2, result.Variables!.ValueFor("n", out var n) ? n.Value : null);
    }

    [Fact]
    public async Task ARuleWithANodeVisitor_StillGetsItsWalk()
    {
        await using var server = await LibraryServer.StartAsync();
        var rule = new RecordingRule(visitor: true);

        await Validate(server, new RecordingValidator(), new CachedDocumentRules([rule]), """{"n": 2}""");

        Assert.True(rule.NodesEntered > 3);
    }

    [Fact]
    public async Task BadVariables_AreStillReported()
    {
        await using var server = await LibraryServer.StartAsync();

        var result = await Validate(server, new RecordingValidator(), new CachedDocumentRules([new RecordingRule(visitor: false)]), """{"n": "two"}""");

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task OtherRuleLists_GoToTheDefaultValidatorAsTheyAre()
    {
        await using var server = await LibraryServer.StartAsync();
        var inner = new RecordingValidator();

        await Validate(server, inner, DocumentValidator.CoreRules, """{"n": 2}""");

        Assert.Equal([DocumentValidator.CoreRules.Count()], inner.RuleCounts);
    }

    private static async Task<IValidationResult> Validate(LibraryServer server, IDocumentValidator inner, IEnumerable<IValidationRule> rules, string variables)
    {
        var document = Parser.Parse(Query);
        var options = new ValidationOptions
        {
            Schema = server.Service<ISchema>(),
            Document = document,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
            Rules = rules,
            UserContext = new Dictionary<string, object?>(),
            Metrics = Metrics.None,
            Variables = server.Service<IGraphQLTextSerializer>().Deserialize<Inputs>(variables)!,
            Extensions = Inputs.Empty,
        };
        return await new CachedDocumentValidator(inner).ValidateAsync(options);
    }

    private sealed class RecordingValidator : IDocumentValidator
    {
        private readonly DocumentValidator _default = new();

        public List<int> RuleCounts { get; } = [];

        public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        {
            RuleCounts.Add(options.Rules!.Count());
            return _default.ValidateAsync(options);
        }
    }

    private sealed class RecordingRule(bool visitor) : ValidationRuleBase, INodeVisitor
    {
        public int NodesEntered { get; private set; }

        public bool SawArguments { get; private set; }

        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(visitor ? this : null);

        public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
        {
            SawArguments = context.ArgumentValues?.Values.Any(arguments => arguments.ContainsKey("first")) == true;
            return default;
        }

        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            NodesEntered++;
            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;
    }
}
