using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Images;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// What one transaction of a bulk import writes for a batch of articles, as entities: the articles,
/// their bylines, corrections and revisions, and the images and quotes read with them.
/// </summary>
internal sealed class ArticleBatch(DateTime now)
{
    private readonly List<(ArticleRow Row, int SectionId)> _articles = [];
    private readonly Dictionary<int, int> _quotePositions = [];
    private readonly Dictionary<(int ArticleId, int ImageId), ArticleImage> _placements = [];

    /// <summary>Made as they are written: an article's paragraphs are most of a batch's memory, and its row has them already.</summary>
    public IEnumerable<Article> Articles => _articles.Select(a => NdjsonEntities.Article(a.Row, a.SectionId, now));

    public IEnumerable<int> ArticleIds => _articles.Select(a => a.Row.Id);

    /// <summary>The batch's articles that were loaded before: their old lists go first.</summary>
    public List<int> Reloaded { get; } = [];

    public List<Byline> Bylines { get; } = [];

    public List<Correction> Corrections { get; } = [];

    public List<ArticleRevision> Revisions { get; } = [];

    public List<Image> Images { get; } = [];

    /// <summary>One per article and image: a placement named twice takes its last position, as upserting both in turn would.</summary>
    public IReadOnlyCollection<ArticleImage> Placements => _placements.Values;

    public List<Quote> Quotes { get; } = [];

    public void AddArticle(ArticleRow row, int sectionId, bool reloaded)
    {
        _articles.Add((row, sectionId));
        if (reloaded)
            Reloaded.Add(row.Id);
        Bylines.AddRange(NdjsonEntities.BylinesOf(row));
        Corrections.AddRange(NdjsonEntities.CorrectionsOf(row));
        Revisions.AddRange(NdjsonEntities.RevisionsOf(row));
    }

    public void AddImage(ImageRow row)
    {
        Images.Add(NdjsonEntities.Image(row));
        foreach (var placement in NdjsonEntities.PlacementsOf(row))
            _placements[(placement.ArticleId, placement.ImageId)] = placement;
    }

    /// <summary>A quote, numbered in file order within its article when it gives no position; its speaker's title is <paramref name="speakerTitle"/> when it gives none.</summary>
    public void AddQuote(QuoteRow row, string? speakerTitle)
    {
        var position = row.Position ?? (_quotePositions[row.ArticleId] = _quotePositions.GetValueOrDefault(row.ArticleId) + 1);
        Quotes.Add(new Quote
        {
            Id = row.Id, ArticleId = row.ArticleId, SpeakerId = row.PersonId, SpeakerTitle = row.SpeakerTitle ?? speakerTitle, Text = row.Text, Position = position,
            Attribution = NdjsonEntities.AttributionOf(row.Attribution)!.Value, Source = row.Source, UnattributedReason = row.UnattributedReason,
        });
    }

    /// <summary>
    /// The statements that delete an article's lists (bylines, corrections, revisions, image
    /// placements, quotes) where the article id meets <paramref name="condition"/> (<c>= $id</c>).
    /// </summary>
    public static string ClearSql(IModel model, string condition)
        => string.Join("; ", new[] { typeof(Byline), typeof(Correction), typeof(ArticleRevision), typeof(ArticleImage), typeof(Quote) }.Select(type =>
        {
            var entity = model.FindEntityType(type)!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var article = entity.GetForeignKeys().Single(fk => fk.PrincipalEntityType.ClrType == typeof(Article)).Properties.Single();
            return $"DELETE FROM \"{table.Name}\" WHERE \"{article.GetColumnName(table)}\" {condition}";
        }));
}
