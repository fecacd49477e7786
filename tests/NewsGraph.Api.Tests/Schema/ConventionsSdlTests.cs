using System.Text.RegularExpressions;
using NewsGraph.Api.Cli;
using NewsGraph.Api.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace NewsGraph.Api.Tests.Schema;

/// <summary>The SDL of the filter, sort and paging types, as Hot Chocolate names and shapes them.</summary>
public sealed partial class ConventionsSdlTests : IClassFixture<NewsGraphApplication>
{
    private static readonly string[] ConventionTypes =
    [
        "StringOperationFilterInput", "IntOperationFilterInput", "DateTimeOperationFilterInput", "DateOperationFilterInput",
        "BooleanOperationFilterInput", "IdOperationFilterInput", "ArticleStatusOperationFilterInput", "ListStringOperationFilterInput",
        "ListFilterInputTypeOfImageFilterInput", "ArticleFilterInput", "ArticleSortInput", "SectionSortInput", "SortEnumType",
        "ArticlesConnection", "ArticlesEdge", "PageInfo", "Node",
    ];

    private readonly string _sdl;

    public ConventionsSdlTests(NewsGraphApplication app) => _sdl = CommandLine.PrintSchema(app.Services);

    [Fact]
    public void ConventionTypes_MatchTheSnapshot()
    {
        var definitions = ConventionTypes.ToDictionary(name => name, Definition);
        definitions["Query.articles"] = Regex.Match(_sdl, @"  articles\((?:.|\n)*?\): ArticlesConnection").Value;
        definitions["Query.node"] = Regex.Match(_sdl, @"  node\((?:.|\n)*?\): Node").Value;
        definitions["Query.nodes"] = Regex.Match(_sdl, @"  nodes\((?:.|\n)*?\): \[Node\]!").Value;

        Snapshot.Match(definitions);
    }

    [Fact]
    public void StringOperations_AreHotChocolatesInItsOrderWithAdditionsAfter()
    {
        Assert.Equal(
            ["and", "or", "eq", "neq", "contains", "ncontains", "in", "nin", "startsWith", "nstartsWith", "endsWith", "nendsWith", "ieq", "icontains", "istartsWith"],
            FieldNames("StringOperationFilterInput"));
    }

    [Fact]
    public void ComparableOperations_AreHotChocolatesInItsOrder()
    {
        Assert.Equal(["eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"], FieldNames("DateTimeOperationFilterInput"));
        Assert.Contains("in: [Int]", Definition("IntOperationFilterInput"), StringComparison.Ordinal);
        Assert.Contains("in: [ArticleStatus!]", Definition("ArticleStatusOperationFilterInput"), StringComparison.Ordinal);
    }

    [Fact]
    public void PagingArguments_ComeFirstThenWhereThenOrder()
    {
        var arguments = Regex.Matches(Regex.Match(_sdl, @"  articles\((?:.|\n)*?\): ArticlesConnection").Value, @"\n    (\w+):").Select(m => m.Groups[1].Value);

        Assert.Equal(["first", "after", "last", "before", "where", "order"], arguments);
        Assert.Contains("order: [ArticleSortInput!]", _sdl, StringComparison.Ordinal);
    }

    private string Definition(string type)
    {
        var match = Regex.Match(_sdl, $@"(?:""[^\n]*""\n)?(?:input|type|enum|interface) {type}\b[^{{]*\{{(?:.|\n)*?\n\}}");
        Assert.True(match.Success, $"{type} is not in the schema");
        return match.Value;
    }

    private List<string> FieldNames(string type)
        => [.. Regex.Matches(Definition(type), @"\n  (\w+):").Select(m => m.Groups[1].Value)];
}
