namespace NewsGraph.Api.Articles;

/// <summary>A month of publication (<c>2020-11</c>, in the stories' own offsets) and how many stories it holds.</summary>
public sealed record MonthFacet(string Month, int Count);
