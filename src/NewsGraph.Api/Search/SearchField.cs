namespace NewsGraph.Api.Search;

/// <summary>Where in a story a highlight is. Stored nowhere: append, rename freely.</summary>
public enum SearchField
{
    Headline,
    Paragraph,
    Caption,
    Quote,
}
