using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>The entities a line of the bulk format stands for, with the defaults of the fields it leaves out.</summary>
internal static class NdjsonEntities
{
    public static Person Person(PersonRow row)
        => new() { Id = row.Id, Name = row.Name.Trim(), Title = row.Title, Organization = row.Organization, Version = row.Version ?? 1 };

    public static ReaderFeedback Feedback(FeedbackRow row) => new()
    {
        Id = row.Id,
        ArticleId = row.ArticleId,
        Message = row.Message,
        Rating = row.Rating,
        ContactEmail = row.ContactEmail,
        CreatedAt = row.CreatedAt.UtcDateTime,
        Status = row.Status is { } status ? Enum.Parse<FeedbackStatus>(status, ignoreCase: true) : FeedbackStatus.New,
        SubmittedBy = row.SubmittedBy,
    };

    /// <summary>The article alone (its lists are written apart), in <paramref name="sectionId"/>.</summary>
    public static Article Article(ArticleRow row, int sectionId, DateTime now) => new()
    {
        Id = row.Id,
        Slug = row.Slug,
        Headline = row.Headline,
        RevisionLabel = row.RevisionLabel,
        Genre = row.Genre,
        IsUrgent = row.IsUrgent ?? false,
        SectionId = sectionId,
        Status = Enum.Parse<ArticleStatus>(row.Status, ignoreCase: true),
        PublishedAt = row.PublishedAt?.UtcDateTime,
        PublishedOffsetMinutes = (short)(row.PublishedAt?.Offset.TotalMinutes ?? 0),
        UpdatedAt = row.UpdatedAt?.UtcDateTime ?? now,
        DatelinePlaces = [.. row.DatelinePlaces ?? (row.Dateline is { Length: > 0 } dateline ? dateline.Split('/') : [])],
        DatelineSource = row.DatelineSource,
        DatelineDate = row.DatelineDate,
        Language = row.Language,
        Paragraphs = [.. row.Body.Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0)],
        Version = row.Version ?? 1,
        EditorNotes = row.EditorNotes,
        WithdrawalNotice = row.WithdrawalNotice,
        WithdrawnAt = row.WithdrawnAt?.UtcDateTime,
    };

    /// <summary>The byline: <c>bylines</c> when given, else <c>author_ids</c> as authors.</summary>
    public static List<BylineRow> Bylines(ArticleRow row)
        => row.Bylines is { } bylines ? [.. bylines] : [.. row.AuthorIds.Select(id => new BylineRow(id, nameof(BylineRole.Author)))];

    public static IEnumerable<Byline> BylinesOf(ArticleRow row)
        => Bylines(row).Select((b, i) => new Byline { ArticleId = row.Id, PersonId = b.PersonId, Position = i + 1, Role = Enum.Parse<BylineRole>(b.Role, ignoreCase: true) });

    public static IEnumerable<Correction> CorrectionsOf(ArticleRow row)
        => (row.Corrections ?? []).Select(c => new Correction { ArticleId = row.Id, Text = c.Text, CreatedAt = c.CreatedAt.UtcDateTime, Version = c.Version });

    public static IEnumerable<ArticleRevision> RevisionsOf(ArticleRow row)
        => (row.Revisions ?? []).Select(r => new ArticleRevision
        {
            ArticleId = row.Id, Version = r.Version, ChangedAt = r.ChangedAt.UtcDateTime, Editor = r.Editor, Action = r.Action, Changes = [.. r.Changes],
        });

    public static Image Image(ImageRow row) => new()
    {
        Id = row.Id,
        Url = row.Url,
        Caption = row.Caption,
        AltText = row.AltText,
        Credit = row.Credit,
        Provider = row.Provider,
        RightsNote = row.Rights,
        IsNotForSale = row.IsNotForSale ?? row.Rights?.Contains("NOT FOR SALE", StringComparison.OrdinalIgnoreCase) == true,
        IsFilePhoto = row.IsFilePhoto ?? false,
        TakenOn = row.TakenOn,
        Version = row.Version ?? 1,
    };

    /// <summary>Where the image stands: its article, then its further placements.</summary>
    public static IEnumerable<ArticleImage> PlacementsOf(ImageRow row)
    {
        if (row.ArticleId is { } articleId)
            yield return new ArticleImage { ArticleId = articleId, ImageId = row.Id, Position = row.Position ?? 1 };
        foreach (var placement in row.MorePlacements ?? [])
            yield return new ArticleImage { ArticleId = placement.ArticleId, ImageId = row.Id, Position = placement.Position };
    }

    /// <summary><c>SENTENCE_SUBJECT</c> for <see cref="QuoteAttribution.SentenceSubject"/>; null for unattributed, the default.</summary>
    public static string? AttributionName(QuoteAttribution attribution)
        => attribution == QuoteAttribution.Unattributed ? null : System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(attribution.ToString());

    /// <summary>The attribution a row names, in any case, with or without underscores; null when it names none.</summary>
    public static QuoteAttribution? AttributionOf(string? name)
        => name is null ? QuoteAttribution.Unattributed
            : Enum.TryParse<QuoteAttribution>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var attribution)
              && Enum.IsDefined(attribution) && !name.Any(char.IsDigit)
                ? attribution
                : null;
}
