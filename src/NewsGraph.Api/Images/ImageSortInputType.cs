using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.Api.Images;

public sealed class ImageSortInputType : SortInputType<Image>
{
    public ImageSortInputType()
    {
        Field("id", i => i.Id);
        Field("url", i => i.Url);
        Field("caption", i => i.Caption);
        Field("credit", i => i.Credit);
        Field("provider", i => i.Provider);
        Field("rightsNote", i => i.RightsNote);
        Field("isNotForSale", i => i.IsNotForSale);
        Field("isFilePhoto", i => i.IsFilePhoto);
        Field("takenOn", i => i.TakenOn);
    }
}
