using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Images;

public sealed class CreateImagePayloadGraphType() : PayloadGraphType<Image, ImageGraphType>("image", typeof(InvalidInputErrorGraphType));
