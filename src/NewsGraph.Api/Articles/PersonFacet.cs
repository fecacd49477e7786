namespace NewsGraph.Api.Articles;

public sealed record PersonFacet(int PersonId, int Count);
