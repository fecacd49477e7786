using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Search;

public sealed class SearchEdgeGraphType : EdgeGraphType<SearchHitGraphType>;
