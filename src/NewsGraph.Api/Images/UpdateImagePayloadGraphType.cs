using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Images;

public sealed class UpdateImagePayloadGraphType() : PayloadGraphType<Image, ImageGraphType>("image", ErrorUnion.OfVersionedEdit);
