using GraphQL.Types;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Scalars;
using NewsGraph.GraphQL.Caching;

namespace NewsGraph.Api.Images;

public sealed class ImageGraphType : ObjectGraphType<Image>
{
    public ImageGraphType()
    {
        Name = "Image";
        Description = "A photo with its caption and the rights that come with it.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Format(Name, ctx.Source.Id));
        Field(i => i.Url, nullable: true).Description("Where the file is; wire text names none.");
        Field(i => i.Caption);
        Field(i => i.AltText, nullable: true);
        Field(i => i.Credit, nullable: true).Description("Who the wire credits: `Yonhap`.");
        Field(i => i.Provider, nullable: true).Description("Who provided or released the photo.");
        Field(i => i.RightsNote, nullable: true).Description("The rights note as printed: `PHOTO NOT FOR SALE`.");
        Field(i => i.IsNotForSale);
        Field(i => i.IsFilePhoto).Description("A file photo rather than one taken for this story.");
        Field<DateType>("takenOn").Description("When the photo was taken, if the caption says.").Resolve(ctx => ctx.Source.TakenOn);
        this.ResponseKeys(i => [ImageCacheKeys.Image(i.Id)]);
    }
}
