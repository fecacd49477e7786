using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Images;

/// <summary>A photo's own fields, shared by create and update: left out keeps, null clears.</summary>
public sealed record ImageFieldsInput(
    Optional<string?> Caption,
    Optional<string?> Url,
    Optional<string?> AltText,
    Optional<string?> Credit,
    Optional<string?> Provider,
    Optional<string?> RightsNote,
    Optional<bool?> IsNotForSale,
    Optional<bool?> IsFilePhoto,
    Optional<DateOnly?> TakenOn)
{
    /// <summary>Applies the fields that pass their checks; the others are reported.</summary>
    public void ApplyTo(Image image, InputValidator check)
    {
        if (check.Text(Caption, "caption", Image.CaptionMaxLength, required: true) is { IsSet: true, Value: { } caption })
            image.Caption = caption;
        if (check.Text(Url, "url", Image.UrlMaxLength) is { IsSet: true } url)
        {
            if (url.Value is not null && !Uri.TryCreate(url.Value, UriKind.Absolute, out _))
                check.Add(ImageErrors.UrlNotAbsolute());
            image.Url = url.Value;
        }
        Set(check.Text(AltText, "altText", Image.AltTextMaxLength), v => image.AltText = v);
        Set(check.Text(Credit, "credit", Image.CreditMaxLength), v => image.Credit = v);
        Set(check.Text(Provider, "provider", Image.ProviderMaxLength), v => image.Provider = v);
        Set(check.Text(RightsNote, "rightsNote", Image.RightsNoteMaxLength), v => image.RightsNote = v);
        Set(IsNotForSale, v => image.IsNotForSale = v ?? false);
        Set(IsFilePhoto, v => image.IsFilePhoto = v ?? false);
        Set(TakenOn, v => image.TakenOn = v);
    }

    private static void Set<T>(Optional<T> value, Action<T> assign)
    {
        if (value.IsSet)
            assign(value.Value);
    }
}
