using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Images;

/// <summary>A photo with its caption and the rights that come with it.</summary>
public sealed class Image : IVersioned
{
    // Limits, used by ImageConfiguration (the columns that have one) and by every check of input.
    public const int UrlMaxLength = 2000;
    public const int CaptionMaxLength = 4000;
    public const int AltTextMaxLength = 1000;
    public const int CreditMaxLength = 200;
    public const int ProviderMaxLength = 200;
    public const int RightsNoteMaxLength = 100;

    public int Id { get; set; }

    /// <summary>Where the file is; wire text names none, so it may be unknown.</summary>
    public string? Url { get; set; }

    public required string Caption { get; set; }
    public string? AltText { get; set; }

    /// <summary>Who the wire credits: <c>Yonhap</c>.</summary>
    public string? Credit { get; set; }

    /// <summary>Who provided or released it: <c>Defense Acquisition Program Administration</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>The rights note as printed: <c>PHOTO NOT FOR SALE</c>.</summary>
    public string? RightsNote { get; set; }

    public bool IsNotForSale { get; set; }
    public bool IsFilePhoto { get; set; }

    /// <summary>When the photo was taken, when the caption says.</summary>
    public DateOnly? TakenOn { get; set; }

    /// <summary>Raised by every saved change; updates name the version they were based on.</summary>
    public int Version { get; set; } = 1;
}
