using GraphQL.Types;
using NewsGraph.GraphQL.Fields;

namespace NewsGraph.Api.Images;

public static class ImageQueries
{
    public static void AddImageQueries(this ObjectGraphType query)
    {
        query.QueryField("images").Connection<ImagesConnectionGraphType, Image>()
            .Description("Images, newest first unless `order` says otherwise.")
            .Filtering<ImageFilterInputType>()
            .Sorting<ImageSortInputType>()
            .DefaultOrder(i => i.Id, descending: true)
            .ResponseKeys(_ => [ImageCacheKeys.List])
            .Resolve<NewsDbContext>((db, _) => db.Images);
    }
}
