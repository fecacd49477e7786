using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Tests.Execution;

/// <summary>
/// A syntax error costs no more than the parse: GraphQL-Parser pads its error message to the
/// error's column one character at a time, so one error at the end of a 250 KB line took 15 s of
/// CPU before documents with long lines were parsed as a <see cref="LongLineCopy"/> first.
/// </summary>
public sealed class LongLineCopyTests
{
    private static readonly LimitedDocumentBuilder Builder = new(new GraphQLServerOptions());

    private static readonly string Long = new('x', 250_000);

    public static TheoryData<string, string> ErrorsAtTheEndOfALongLine => new()
    {
        { "an unterminated string", "{ hello(name: \"" + Long + ") }" },
        { "an unterminated block string", "{ hello(name: \"\"\"" + Long + ") }" },
        { "a bad escape at the end of a string", "{ hello(name: \"" + Long + "\\q\") }" },
        { "a control character in a block string", "{ hello(name: \"\"\"" + Long + "\u0001\"\"\") }" },
        { "a bad escape in a comment", "{ hello } # " + Long + "\\q" },
        { "a token the grammar does not expect", "{ hello" + new string(' ', 250_000) + ") }" },
        { "a character that is no token", "{ hello" + string.Concat(Enumerable.Repeat(", ", 125_000)) + "% }" },
        { "a name longer than anyone writes", "{ " + Long + " }" },
        { "a number after a long string", "{ hello(name: \"" + Long + "\" x: 01) }" },
    };

    [Theory]
    [MemberData(nameof(ErrorsAtTheEndOfALongLine))]
    public void AnErrorAtTheEndOfALongLine_IsFoundAtOnce(string name, string document)
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.ThrowsAny<ExecutionError>(() => Builder.Build(document));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{name}: {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("SYNTAX_ERROR", error.Code);
        Assert.Equal(1, Assert.Single(error.Locations!).Line);
    }

    [Fact]
    public void NestingTooDeepAfterALongLine_IsFoundAtOnce()
    {
        var document = "{" + new string(' ', 250_000) + string.Concat(Enumerable.Repeat("a { ", 200)) + "b" + new string('}', 201);
        var clock = Stopwatch.StartNew();

        Assert.Throws<ParserDepthError>(() => Builder.Build(document));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>Lines of 3,000 characters: long enough for the copy, short enough for the parser to report on the original too.</summary>
    public static TheoryData<string> ErrorsTheParserFindsToo => new()
    {
        "{ hello" + new string(' ', 3000) + ") }",
        "query Q($a: Int" + string.Concat(Enumerable.Repeat(", ", 1500)) + "{ hello }",
        "{ hello(name: \"" + new string('y', 3000) + "\") " + new string('\t', 10) + "! }",
        "{ hello }\r\n{ a(x: [" + string.Join(", ", Enumerable.Range(0, 800)) + "] b(",
        "{ hello(name: \"\"\"two\nlines" + new string('z', 3000) + "\"\"\") ] }",
        "{ a(x: 1" + new string(' ', 3000) + "1.5.5) }",
        "# " + new string('c', 3000) + "\n{ hello " + new string(' ', 3000) + "{ }",
    };

    [Theory]
    [MemberData(nameof(ErrorsTheParserFindsToo))]
    public void AnErrorFoundInTheCopy_IsReportedAsTheParserReportsItOnTheDocument(string document)
    {
        var expected = Assert.ThrowsAny<GraphQLSyntaxErrorException>(() => Parser.Parse(document));

        var error = Assert.IsType<DocumentSyntaxError>(Assert.ThrowsAny<ExecutionError>(() => Builder.Build(document)));

        Assert.Equal("Error parsing query: " + expected.Description, error.Message);
        var location = Assert.Single(error.Locations!);
        Assert.Equal((expected.Location.Line, expected.Location.Column), (location.Line, location.Column));
    }

    [Fact]
    public void AnErrorTheCopyRefuses_IsLocatedWhereTheParserWouldHaveFoundIt()
    {
        var document = "{ hello }\n{ hello(name: \"" + new string('w', 3000) + "\\x\") }";
        var expected = Assert.ThrowsAny<GraphQLSyntaxErrorException>(() => Parser.Parse(document));

        var location = Assert.Single(Assert.ThrowsAny<ExecutionError>(() => Builder.Build(document)).Locations!);

        Assert.Equal((expected.Location.Line, expected.Location.Column), (location.Line, location.Column));
    }

    [Fact]
    public async Task AValidDocumentWithLongLines_ParsesAsItWouldWithoutTheCopy()
    {
        var text = new string('t', 2000);
        var document = "query Q($n: String = \"" + text + "\\\" \\u00e9 \\\\\") { a: hello(name: $n) ...F "
                       + "b: hello(name: \"\"\"block " + text + " \\\"\"\" \\n \"\"\") # note \\u0041 " + text + "\r\n"
                       + "c: hello(name: \"" + text + "\"),,,,d:hello(name:\"x\") } fragment F on Query { e: hello(name: \"" + text + "\") f: books(first: -0) { title } }"
                       + new string(' ', 2000) + "\uFEFF";

        var built = Builder.Build(document);

        var printer = new SDLPrinter();
        await using var printedExpected = new StringWriter();
        await using var printedBuilt = new StringWriter();
        await printer.PrintAsync(Parser.Parse(document), printedExpected);
        await printer.PrintAsync(built, printedBuilt);
        Assert.Equal(printedExpected.ToString(), printedBuilt.ToString());
        Assert.Equal(document, built.Source.ToString());
    }
}
