using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// The writes of a bulk import, in batched transactions of prepared statements whose columns come
/// from the EF model (<see cref="EntityUpsert{T}"/>). A batch of articles that SQLite refuses is
/// retried article by article, so one bad record cannot cost the others their place.
/// </summary>
internal sealed class NdjsonWriter(SqliteConnection connection, IModel model, ImportedContent content, NdjsonValidator validator, ImportReport report, DateTime now)
{
    public void WritePeople(List<PersonRow> batch)
    {
        WriteAll(batch, "people", rows => Upsert(rows, NdjsonEntities.Person));
        content.People.UnionWith(batch.Select(p => p.Id));
        batch.Clear();
    }

    public void WriteFeedback(List<FeedbackRow> batch)
    {
        WriteAll(batch, "feedback", rows => Upsert(rows, NdjsonEntities.Feedback));
        batch.Clear();
    }

    /// <summary>Writes a batch of articles with their bylines, corrections, revisions, images and quotes, in one transaction.</summary>
    public void WriteArticles(List<(int Line, ArticleRow Row)> batch, List<(int Line, ImageRow Row)> images, List<(int Line, QuoteRow Row)> quotes)
    {
        var inBatch = batch.Select(b => b.Row.Id).ToHashSet();
        images = [.. images.Where(i => validator.ImageVersion(i) && validator.Related("images.ndjson", i.Line, i.Row.ArticleId, inBatch, i.Row.MorePlacements?.Select(p => p.ArticleId)))];
        quotes = [.. quotes.Where(q => validator.Related("quotes.ndjson", q.Line, q.Row.ArticleId, inBatch, null) && validator.Speaker(q) && validator.Attribution(q))];
        try
        {
            Write(batch, images, quotes);
        }
        catch (SqliteException)
        {
            // Find the records SQLite refuses; the others still go in.
            foreach (var article in batch)
            {
                var id = article.Row.Id;
                TryWrite("articles.ndjson", article.Line, [article], [.. images.Where(i => i.Row.ArticleId == id)], [.. quotes.Where(q => q.Row.ArticleId == id)]);
            }
            foreach (var image in images.Where(i => !inBatch.Contains(i.Row.ArticleId ?? 0)))
                TryWrite("images.ndjson", image.Line, [], [image], []);
            foreach (var quote in quotes.Where(q => !inBatch.Contains(q.Row.ArticleId)))
                TryWrite("quotes.ndjson", quote.Line, [], [], [quote]);
        }
    }

    private void TryWrite(string file, int line, List<(int, ArticleRow)> articles, List<(int, ImageRow)> images, List<(int, QuoteRow)> quotes)
    {
        try
        {
            Write(articles, images, quotes);
        }
        catch (SqliteException ex)
        {
            report.Fail(file, line, $"the database refused the record: {ex.Message}");
        }
    }

    private void Write(List<(int Line, ArticleRow Row)> articles, List<(int Line, ImageRow Row)> images, List<(int Line, QuoteRow Row)> quotes)
    {
        using var transaction = connection.BeginTransaction();
        WriteArticleRows(transaction, articles.Select(a => a.Row));
        using (var upsertImage = EntityUpsert<Image>.Upsert(model, connection, transaction))
        using (var placeImage = EntityUpsert<ArticleImage>.Upsert(model, connection, transaction))
        {
            foreach (var (_, image) in images)
            {
                upsertImage.Write(NdjsonEntities.Image(image));
                foreach (var placement in NdjsonEntities.PlacementsOf(image))
                    placeImage.Write(placement);
            }
        }
        WriteQuotes(transaction, quotes.Select(q => q.Row));
        transaction.Commit();

        content.Articles.UnionWith(articles.Select(a => a.Row.Id));
        report.Count("articles", articles.Count);
        report.Count("images", images.Count);
        report.Count("quotes", quotes.Count);
    }

    /// <summary>Each article with its bylines, corrections and revisions; an article loaded before loses its old lists first.</summary>
    private void WriteArticleRows(SqliteTransaction transaction, IEnumerable<ArticleRow> articles)
    {
        using var upsertArticle = EntityUpsert<Article>.Upsert(model, connection, transaction);
        using var insertByline = EntityUpsert<Byline>.Insert(model, connection, transaction);
        using var insertCorrection = EntityUpsert<Correction>.Insert(model, connection, transaction);
        using var insertRevision = EntityUpsert<ArticleRevision>.Insert(model, connection, transaction);
        using var clear = Command(transaction, """
            DELETE FROM "Bylines" WHERE "ArticleId" = $id; DELETE FROM "Corrections" WHERE "ArticleId" = $id;
            DELETE FROM "Revisions" WHERE "ArticleId" = $id; DELETE FROM "ArticleImages" WHERE "ArticleId" = $id;
            DELETE FROM "Quotes" WHERE "ArticleId" = $id;
            """, "$id");
        foreach (var article in articles)
        {
            var existed = content.Articles.Contains(article.Id);
            upsertArticle.Write(NdjsonEntities.Article(article, Section(transaction, article), now));
            if (existed)
                Run(clear, article.Id);
            foreach (var byline in NdjsonEntities.BylinesOf(article))
                insertByline.Write(byline);
            foreach (var correction in NdjsonEntities.CorrectionsOf(article))
                insertCorrection.Write(correction);
            foreach (var revision in NdjsonEntities.RevisionsOf(article))
                insertRevision.Write(revision);
        }
    }

    /// <summary>Quotes numbered in file order within their article when they give no position; a speaker's title from the person when they give none.</summary>
    private void WriteQuotes(SqliteTransaction transaction, IEnumerable<QuoteRow> quotes)
    {
        using var upsertQuote = EntityUpsert<Quote>.Upsert(model, connection, transaction);
        using var speakerTitle = Command(transaction, "SELECT \"Title\" FROM \"People\" WHERE \"Id\" = $id", "$id");
        var positions = new Dictionary<int, int>();
        foreach (var quote in quotes)
        {
            var position = quote.Position ?? (positions[quote.ArticleId] = positions.GetValueOrDefault(quote.ArticleId) + 1);
            var title = quote.SpeakerTitle ?? (quote.PersonId is { } speaker ? Scalar(speakerTitle, speaker) : null);
            upsertQuote.Write(new Quote
            {
                Id = quote.Id, ArticleId = quote.ArticleId, SpeakerId = quote.PersonId, SpeakerTitle = title, Text = quote.Text, Position = position,
                Attribution = NdjsonEntities.AttributionOf(quote.Attribution)!.Value, Source = quote.Source, UnattributedReason = quote.UnattributedReason,
            });
        }
    }

    private void WriteAll<T>(List<T> batch, string kind, Action<List<T>> write)
    {
        if (batch.Count == 0)
            return;
        write(batch);
        report.Count(kind, batch.Count);
    }

    private void Upsert<TEntity, TRow>(List<TRow> rows, Func<TRow, TEntity> entity)
        where TEntity : class
    {
        using var transaction = connection.BeginTransaction();
        using (var upsert = EntityUpsert<TEntity>.Upsert(model, connection, transaction))
        {
            foreach (var row in rows)
                upsert.Write(entity(row));
        }
        transaction.Commit();
    }

    private int Section(SqliteTransaction transaction, ArticleRow article)
    {
        var slug = Slug.From(article.Section);
        if (content.Sections.TryGetValue(slug, out var id))
            return id;
        var name = article.SectionName ?? System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(article.Section.Replace('-', ' '));
        using var insert = Command(transaction, "INSERT INTO \"Sections\" (\"Slug\", \"Name\") VALUES ($slug, $name) RETURNING \"Id\"", "$slug", "$name");
        insert.Parameters[0].Value = slug;
        insert.Parameters[1].Value = name;
        return content.Sections[slug] = Convert.ToInt32(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, object value)
    {
        command.Parameters[0].Value = value;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteCommand command, object value)
    {
        command.Parameters[0].Value = value;
        return command.ExecuteScalar() as string;
    }
}
