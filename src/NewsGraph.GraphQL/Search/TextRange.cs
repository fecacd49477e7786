namespace NewsGraph.GraphQL.Search;

/// <summary>A span of a text: its start and length in UTF-16 code units, as JavaScript strings count.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;
}
