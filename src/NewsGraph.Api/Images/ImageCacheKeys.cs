namespace NewsGraph.Api.Images;

/// <summary>The keys of responses about photos: a photo (<c>image:12</c>) and the list of photos (<c>images</c>).</summary>
public static class ImageCacheKeys
{
    public const string List = "images";

    public static string Image(int id) => "image:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
