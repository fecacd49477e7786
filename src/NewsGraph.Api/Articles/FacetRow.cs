namespace NewsGraph.Api.Articles;

/// <summary>What facets count of a story: its id (for the people in it), section and month of publication.</summary>
public sealed class FacetRow
{
    public required int ArticleId { get; init; }
    public required int SectionId { get; init; }

    /// <summary>Months since January 1900 in the story's own offset (<see cref="ArticleFacets.MonthName"/>); 0 when unpublished.</summary>
    public required int Month { get; init; }
}
