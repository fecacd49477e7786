using NewsGraph.GraphQL.Filtering;

namespace NewsGraph.Api.Images;

public sealed class ImageFilterInputType : FilterInputType<Image>
{
    public ImageFilterInputType()
    {
        IdField("id", i => i.Id, "Image");
        Field("url", i => i.Url);
        Field("caption", i => i.Caption);
        Field("altText", i => i.AltText);
        Field("credit", i => i.Credit);
        Field("provider", i => i.Provider);
        Field("rightsNote", i => i.RightsNote);
        Field("isNotForSale", i => i.IsNotForSale);
        Field("isFilePhoto", i => i.IsFilePhoto);
        Field("takenOn", i => i.TakenOn);
    }
}
