namespace NewsGraph.Api.Search;

/// <summary>
/// A story's searchable text with what a search matched marked by the database (between
/// <c>HighlightedText.Open</c> and <c>Close</c>); paragraphs, captions and quotes are each
/// separated by <see cref="SearchIndex.Separator"/>.
/// </summary>
public sealed class MarkedDocument
{
    public long Key { get; set; }
    public string Headline { get; set; } = "";
    public string Body { get; set; } = "";
    public string Captions { get; set; } = "";
    public string Quotes { get; set; } = "";
}
