using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// The checks of a bulk import, apart from its writes: each says why a line cannot be loaded (or null),
/// against what the database and the lines accepted so far hold. The limits are the entities' column sizes.
/// </summary>
internal sealed class NdjsonValidator(ImportedContent content)
{
    public static string? PersonProblem(PersonRow row) => row switch
    {
        _ when string.IsNullOrWhiteSpace(row.Name) => $"person {row.Id} has no name",
        { Version: < 1 } => $"person {row.Id} has version {row.Version}, less than 1",
        _ => null,
    };

    public string? FeedbackProblem(FeedbackRow row) => row switch
    {
        { ArticleId: { } id } when !content.Articles.Contains(id) => $"article_id {id} names no article",
        { Rating: < 1 or > 5 } => $"rating {row.Rating} is not between 1 and 5",
        _ when string.IsNullOrWhiteSpace(row.Message) => "the message is empty",
        { Status: { } status } when !Enum.TryParse<FeedbackStatus>(status, ignoreCase: true, out _) => $"status `{status}` is not one of NEW, REVIEWED, SPAM",
        { SubmittedBy: { } by } when string.IsNullOrWhiteSpace(by) => "submitted_by is empty (leave it out for anonymous feedback)",
        _ => null,
    };

    /// <summary>Why the article cannot be loaded, or null (and its slug is then taken).</summary>
    public string? ArticleProblem(ArticleRow row)
    {
        if ((Identity(row) ?? Workflow(row) ?? Byline(row) ?? Editorial(row)) is { } problem)
            return problem;
        content.SlugOwners[row.Slug] = row.Id;
        return null;
    }

    private string? Identity(ArticleRow row) => row switch
    {
        { Id: <= 0 } => $"id {row.Id} is not positive",
        _ when string.IsNullOrWhiteSpace(row.Slug) || row.Slug.Length > Article.SlugMaxLength => $"slug is empty or longer than {Article.SlugMaxLength} characters",
        _ when content.SlugOwners.TryGetValue(row.Slug, out var owner) && owner != row.Id => $"slug `{row.Slug}` belongs to article {content.SlugOwners[row.Slug]}",
        _ when string.IsNullOrWhiteSpace(row.Headline) => "headline is empty",
        _ when string.IsNullOrWhiteSpace(row.Section) => "section is empty",
        _ => null,
    };

    private static string? Workflow(ArticleRow row)
    {
        if (!Enum.TryParse<ArticleStatus>(row.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            return $"status `{row.Status}` is not one of PUBLISHED, DRAFT, SCHEDULED, WITHDRAWN";
        return status == ArticleStatus.Published && row.PublishedAt is null ? "a published article needs published_at" : null;
    }

    private string? Byline(ArticleRow row)
    {
        var bylines = NdjsonEntities.Bylines(row);
        foreach (var byline in bylines)
        {
            if (!Enum.TryParse<BylineRole>(byline.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                return $"byline role `{byline.Role}` is not one of AUTHOR, CONTRIBUTOR, PHOTOGRAPHER, EDITOR";
            if (!content.People.ContainsKey(byline.PersonId))
                return $"person {byline.PersonId} of the byline names no person";
        }
        return bylines.Select(b => b.PersonId).Distinct().Count() != bylines.Count ? "the byline names a person twice" : null;
    }

    private static string? Editorial(ArticleRow row) => row switch
    {
        { Version: < 1 } => $"version {row.Version} is less than 1",
        { EditorNotes.Length: > Article.EditorNotesMaxLength } => $"editor_notes is longer than {Article.EditorNotesMaxLength} characters",
        { WithdrawalNotice: { } notice } when string.IsNullOrWhiteSpace(notice) || notice.Length > Article.WithdrawalNoticeMaxLength
            => $"withdrawal_notice is empty or longer than {Article.WithdrawalNoticeMaxLength} characters",
        _ => CorrectionProblem(row) ?? RevisionProblem(row),
    };

    private static string? CorrectionProblem(ArticleRow row)
    {
        for (var i = 0; i < (row.Corrections?.Length ?? 0); i++)
        {
            var problem = row.Corrections![i] switch
            {
                null => "is null",
                { Text: var text } when string.IsNullOrWhiteSpace(text) || text.Length > Correction.TextMaxLength
                    => $"has a text that is empty or longer than {Correction.TextMaxLength} characters",
                { Version: < 1 } correction => $"has version {correction.Version}, less than 1",
                _ => null,
            };
            if (problem is not null)
                return $"correction {i + 1} {problem}";
        }
        return null;
    }

    private static string? RevisionProblem(ArticleRow row)
    {
        for (var i = 0; i < (row.Revisions?.Length ?? 0); i++)
        {
            var problem = row.Revisions![i] switch
            {
                null => "is null",
                { Version: < 1 } revision => $"has version {revision.Version}, less than 1",
                { Editor: var editor } when string.IsNullOrWhiteSpace(editor) => "has no editor",
                { Action: var action } when string.IsNullOrWhiteSpace(action) || action.Length > ArticleRevision.ActionMaxLength
                    => $"has an action that is empty or longer than {ArticleRevision.ActionMaxLength} characters",
                { Changes: var changes } when changes.Any(string.IsNullOrWhiteSpace) => "lists an empty change",
                _ => null,
            };
            if (problem is not null)
                return $"revision {i + 1} {problem}";
        }
        return null;
    }

    /// <summary>Why the image cannot be loaded with the articles <paramref name="inBatch"/>, or null.</summary>
    public string? ImageProblem(ImageRow row, HashSet<int> inBatch)
        => row.Version is < 1
            ? $"image {row.Id} has version {row.Version}, less than 1"
            : MissingArticle(inBatch, row.MorePlacements?.Select(p => (int?)p.ArticleId).Prepend(row.ArticleId) ?? [row.ArticleId]);

    /// <summary>Why the quote cannot be loaded with the articles <paramref name="inBatch"/>, or null.</summary>
    public string? QuoteProblem(QuoteRow row, HashSet<int> inBatch)
        => MissingArticle(inBatch, [row.ArticleId])
            ?? (row.PersonId is { } person && !content.People.ContainsKey(person) ? $"person_id {person} names no person" : null)
            ?? AttributionProblem(row);

    private static string? AttributionProblem(QuoteRow row)
    {
        if (NdjsonEntities.AttributionOf(row.Attribution) is null)
            return $"attribution \"{row.Attribution}\" is none of {string.Join(", ", Enum.GetValues<QuoteAttribution>().Select(NdjsonEntities.AttributionName).OfType<string>())}";
        if (row.Source?.Length > Quote.SourceMaxLength || row.UnattributedReason?.Length > Quote.UnattributedReasonMaxLength)
            return $"source or unattributed_reason is longer than {Quote.SourceMaxLength} or {Quote.UnattributedReasonMaxLength} characters";
        return null;
    }

    /// <summary>The first of <paramref name="articles"/> that is neither in the batch nor loaded, as a problem.</summary>
    private string? MissingArticle(HashSet<int> inBatch, IEnumerable<int?> articles)
        => articles.FirstOrDefault(id => id is { } article && !inBatch.Contains(article) && !content.Articles.Contains(article)) is { } missing
            ? $"article_id {missing} names no article"
            : null;
}
