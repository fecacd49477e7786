using System.Buffers;
using System.Text;
using GraphQLParser;
using GraphQLParser.Exceptions;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Keeps a syntax error as cheap as the parse. GraphQL-Parser writes an error's message by padding
/// to the error's column one character at a time, which costs the square of the column: one
/// unterminated string at the end of a 256 KiB line took 15 s of CPU. A document with a line
/// longer than <see cref="MaxLine"/> is read here first, in one pass: what the parser would refuse
/// inside a string, a block string or a comment is refused here (no line break can be added
/// there), names and numbers longer than <see cref="MaxWord"/> are refused, and the rest is copied
/// with a line break between tokens wherever a line grows long, so the parser, reading the copy,
/// reports its errors on short lines. Their locations are mapped back to the document as sent.
/// </summary>
internal sealed class LongLineCopy
{
    /// <summary>Lines up to this long go to the parser as they are: an error on one costs little.</summary>
    internal const int MaxLine = 1024;

    /// <summary>The longest run of name and number characters (and dots) accepted in a long-line document.</summary>
    internal const int MaxWord = 4096;

    /// <summary>How long a line of the copy may grow before a break is added at the next token.</summary>
    private const int BreakAfter = 256;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly string _document;
    private readonly List<int> _breaks;

    private LongLineCopy(string document, string text, List<int> breaks)
    {
        _document = document;
        Text = text;
        _breaks = breaks;
    }

    /// <summary>The copy the parser reads: the same tokens, with line breaks added between some of them.</summary>
    public string Text { get; }

    /// <summary>
    /// A copy to parse first when <paramref name="document"/> has a long line; null when it has none.
    /// Throws <see cref="DocumentSyntaxError"/> for what it refuses itself.
    /// </summary>
    public static LongLineCopy? For(string document)
    {
        var line = 0;
        var longest = 0;
        foreach (var c in document)
        {
            line = c is '\n' or '\r' ? 0 : line + 1;
            longest = Math.Max(longest, line);
        }
        return longest <= MaxLine ? null : Copy(document);
    }

    /// <summary>The error the parser found in the copy, located in the document as sent.</summary>
    public DocumentSyntaxError ErrorFor(GraphQLParserException error)
    {
        var index = IndexOf(Text, error.Location);
        var added = _breaks.BinarySearch(index);
        index -= added >= 0 ? added : ~added;
        return new DocumentSyntaxError(error.Description, Location.FromLinearPosition(_document, Math.Min(index, _document.Length)));
    }

    private static LongLineCopy Copy(string document)
    {
        var copy = new StringBuilder(document.Length + document.Length / BreakAfter + 16);
        var breaks = new List<int>();
        var column = 0;
        var i = 0;
        while (i < document.Length)
        {
            var c = document[i];
            if (column > BreakAfter && !(i > 0 && IsWord(document[i - 1]) && IsWord(c)))
            {
                breaks.Add(copy.Length);
                copy.Append('\n');
                column = 0;
            }
            var end = c switch
            {
                '"' when i + 2 < document.Length && document[i + 1] == '"' && document[i + 2] == '"' => BlockStringEnd(document, i),
                '"' => StringEnd(document, i),
                '#' => CommentEnd(document, i),
                _ when IsWord(c) => WordEnd(document, i),
                _ => i + 1,
            };
            copy.Append(document, i, end - i);
            var lastBreak = document.AsSpan(i, end - i).LastIndexOfAny('\n', '\r');
            column = lastBreak >= 0 ? end - i - lastBreak - 1 : column + end - i;
            i = end;
        }
        return new LongLineCopy(document, copy.ToString(), breaks);
    }

    // Names, numbers and the spread's dots: a line break between two of these could change the tokens.
    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '+';

    private static int WordEnd(string document, int start)
    {
        var end = start;
        while (end < document.Length && IsWord(document[end]))
            end++;
        if (end - start > MaxWord)
            throw Refused($"A name or number longer than {MaxWord} characters.", document, start);
        return end;
    }

    private static int StringEnd(string document, int start)
    {
        var i = start + 1;
        while (true)
        {
            if (i >= document.Length || document[i] is '\n' or '\r')
                throw Refused("Unterminated string.", document, i);
            var c = document[i];
            if (c == '"')
                return i + 1;
            if (c < 0x20 && c != '\t')
                throw Refused($"Invalid character within String: \\u{(int)c:D4}.", document, i);
            i = c == '\\' ? EscapeEnd(document, i) : i + 1;
        }
    }

    private static int BlockStringEnd(string document, int start)
    {
        var i = start + 3;
        while (true)
        {
            if (i >= document.Length)
                throw Refused("Unterminated block string.", document, i);
            var c = document[i];
            if (c < 0x20 && c is not ('\t' or '\n' or '\r'))
                throw Refused($"Invalid character within String: \\u{(int)c:D4}.", document, i);
            if (c == '\\' && i + 3 < document.Length && document.AsSpan(i + 1, 3) is "\"\"\"")
                i += 4;
            else if (c == '"' && i + 2 < document.Length && document[i + 1] == '"' && document[i + 2] == '"')
                return i + 3;
            else
                i++;
        }
    }

    // GraphQL-Parser reads escape sequences in comments too, and refuses bad ones there as well.
    private static int CommentEnd(string document, int start)
    {
        var i = start + 1;
        while (i < document.Length && document[i] is not ('\n' or '\r'))
            i = document[i] == '\\' ? EscapeEnd(document, i) : i + 1;
        return i;
    }

    private static int EscapeEnd(string document, int backslash)
    {
        var i = backslash + 1;
        if (i < document.Length && document[i] is '"' or '/' or '\\' or 'b' or 'f' or 'n' or 'r' or 't')
            return i + 1;
        if (i < document.Length && document[i] == 'u' && i + 4 < document.Length && IsHex(document.AsSpan(i + 1, 4)))
            return i + 5;
        throw Refused("Invalid character escape sequence.", document, i);
    }

    private static bool IsHex(ReadOnlySpan<char> digits) => !digits.ContainsAnyExcept(HexDigits);

    private static DocumentSyntaxError Refused(string description, string document, int index)
        => new(description, Location.FromLinearPosition(document, Math.Min(index, document.Length)));

    /// <summary>The index of a parser location (1-based line and column) in <paramref name="text"/>, with the parser's idea of a line.</summary>
    private static int IndexOf(string text, Location location)
    {
        var lineStart = 0;
        for (var line = 1; line < location.Line; line++)
        {
            var next = text.AsSpan(lineStart).IndexOfAny('\n', '\r');
            if (next < 0)
                break;
            lineStart += next + 1;
            if (text[lineStart - 1] == '\r' && lineStart < text.Length && text[lineStart] == '\n')
                lineStart++;
        }
        return lineStart + location.Column - 1;
    }
}
