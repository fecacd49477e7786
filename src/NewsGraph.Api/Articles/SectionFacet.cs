namespace NewsGraph.Api.Articles;

public sealed record SectionFacet(Section Section, int Count);
