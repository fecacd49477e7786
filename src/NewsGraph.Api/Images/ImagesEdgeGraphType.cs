using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Images;

public sealed class ImagesEdgeGraphType : EdgeGraphType<ImageGraphType>;
