using GraphQL;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Images;

public static class ImagesServiceCollectionExtensions
{
    /// <summary>Images: their DataLoader and their <c>node</c> lookup.</summary>
    public static IServiceCollection AddImages(this IServiceCollection services)
    {
        services.AddScoped<ImageByIdDataLoader>();
        services.AddSingleton(new NodeResolver(ImageErrors.Image.TypeName, (ctx, id) => ctx.DataLoader<ImageByIdDataLoader>().LoadAsync(id).Then(i => (object?)i)));
        return services;
    }
}
