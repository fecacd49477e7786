using NewsGraph.GraphQL.Search;

namespace NewsGraph.GraphQL.Tests.Search;

public sealed class SearchQueryParserTests
{
    private static readonly HashSet<string> Common = ["the", "of", "a"];

    private static SearchQuery Parse(string text) => SearchQueryParser.Parse(text, Common.Contains);

    private static string Show(SearchQuery query)
        => string.Join(" & ", query.Clauses.Select(c => string.Join(" | ", c.Alternatives.Select(Show))))
           + string.Concat(query.Exclusions.Select(e => " !" + Show(e)));

    private static string Show(SearchTerm term) => term.Kind switch
    {
        SearchTermKind.Phrase => $"\"{term.Text}\"",
        SearchTermKind.Prefix => term.Text + "*",
        _ => term.Text,
    };

    [Theory]
    [InlineData("tariff steel", "tariff & steel")]
    [InlineData("  Suh   Wook  ", "Suh & Wook")]
    [InlineData("\"budget plan\" reform", "\"budget plan\" & reform")]
    [InlineData("\"  budget \t plan \"", "\"budget plan\"")]
    [InlineData("tariff steel OR aluminum", "tariff & steel | aluminum")]
    [InlineData("a OR b OR c d", "b | c & d")]
    [InlineData("tariff -steel -\"trade war\"", "tariff !steel !\"trade war\"")]
    [InlineData("tarif* Kim", "tarif* & Kim")]
    [InlineData("Tae-woo Kim's", "Tae-woo & Kim's")]
    [InlineData("the minister of finance", "minister & finance")]
    [InlineData("\"minister of finance\"", "\"minister of finance\"")]
    [InlineData("tariff & -the", "tariff")]
    [InlineData("or and", "or & and")]
    [InlineData("tar\0iff -st\u0001eel", "tar & iff & eel !st")]
    [InlineData("\"trade\0war\"", "\"trade war\"")]
    public void Parse_ReadsTheLanguage(string text, string expected)
        => Assert.Equal(expected, Show(Parse(text)));

    [Theory]
    [InlineData("\"budget plan", 0)]
    [InlineData("tariff \"", 7)]
    [InlineData("OR tariff", 0)]
    [InlineData("tariff OR", 7)]
    [InlineData("tariff OR OR steel", 10)]
    [InlineData("tariff OR -steel", 10)]
    [InlineData("tariff - steel", 7)]
    [InlineData("ta*riff", 2)]
    [InlineData("ta*", 0)]
    [InlineData("tar-*", 0)]
    [InlineData("\"  \"", 0)]
    [InlineData("-tariff", 0)]
    [InlineData("the of", 0)]
    [InlineData("", 0)]
    [InlineData("--- ...", 0)]
    public void Parse_BadSyntax_IsCoded_WithItsPosition(string text, int position)
    {
        var error = Assert.Throws<SearchQueryError>(() => Parse(text));

        Assert.Equal("SEARCH_QUERY_INVALID", error.Code);
        Assert.Equal(position, error.Position);
        Assert.Equal(position, error.Extensions!["position"]);
    }

    [Fact]
    public void Parse_RefusesMoreTermsThanItsLimit()
    {
        var words = string.Join(' ', Enumerable.Range(0, SearchQueryParser.MaxTerms + 1).Select(i => $"w{i}"));

        var error = Assert.Throws<SearchQueryError>(() => Parse(words));

        Assert.Equal(words.LastIndexOf('w'), error.Position);
    }

    [Fact]
    public void AdjacentWords_AreThoseOfAQueryOfPlainWordsOnly()
    {
        Assert.Equal(["Suh", "Wook", "space"], Parse("Suh Wook space").AdjacentWords);
        Assert.Equal(["Suh", "Wook"], Parse("Suh the Wook -army").AdjacentWords);
        Assert.Empty(Parse("Suh \"Wook\" space").AdjacentWords);
        Assert.Empty(Parse("Suh space OR sea").AdjacentWords);
        Assert.Empty(Parse("tariff").AdjacentWords);
    }

    [Fact]
    public void Terms_KeepWhereTheyWereWritten()
    {
        var query = Parse("tariff \"steel plan\" OR iron*");

        Assert.Equal([0, 7, 23], query.PositiveTerms.Select(t => t.Position));
    }
}
