using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Images;

public static class ImageErrors
{
    public static NotFoundError NotFound(int id) => new($"There is no image with the ID `{GlobalId.Format("Image", id)}`.", GlobalId.Format("Image", id));
}
