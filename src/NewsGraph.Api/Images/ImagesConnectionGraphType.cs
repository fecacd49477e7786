using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Images;

public sealed class ImagesConnectionGraphType : ConnectionGraphType<ImageGraphType, ImagesEdgeGraphType>;
