using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using Npgsql;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// The writes of a bulk import, the same on every database: batched transactions, an article with
/// its bylines, corrections, revisions, images and quotes in the same one (<see cref="ArticleBatch"/>).
/// A batch of articles the database refuses is retried article by article, so one bad record cannot
/// cost the others their place. How the rows reach the database is the provider's
/// (<see cref="SqliteNdjsonWriter"/>, <see cref="PostgresNdjsonWriter"/>).
/// </summary>
internal abstract class NdjsonWriter(ImportedContent content, NdjsonValidator validator, DateTime now)
{
    /// <summary>The writer for the database of <paramref name="db"/>, whose connection is open.</summary>
    public static NdjsonWriter Open(NewsDbContext db, ImportedContent content, NdjsonValidator validator, DateTime now, ImportOptions options)
        => db.Database.GetDbConnection() switch
        {
            SqliteConnection sqlite => new SqliteNdjsonWriter(sqlite, db.Model, content, validator, now, options.SearchIndexing),
            NpgsqlConnection postgres => new PostgresNdjsonWriter(postgres, db.Model, content, validator, now, options.SearchIndexing),
            var other => throw new NotSupportedException($"The bulk import does not write to {other.GetType().Name}."),
        };

    public void WritePeople(List<PersonRow> batch, ImportReport report)
    {
        WriteAll(batch, "people", NdjsonEntities.Person, report);
        foreach (var person in batch)
            content.People[person.Id] = person.Title;
        batch.Clear();
    }

    public void WriteFeedback(List<FeedbackRow> batch, ImportReport report)
    {
        WriteAll(batch, "feedback", NdjsonEntities.Feedback, report);
        batch.Clear();
    }

    /// <summary>Writes a batch of articles with their bylines, corrections, revisions, images and quotes, in one transaction.</summary>
    public void WriteArticles(List<(int Line, ArticleRow Row)> batch, List<(int Line, ImageRow Row)> images, List<(int Line, QuoteRow Row)> quotes, ImportReport report)
    {
        var inBatch = batch.Select(b => b.Row.Id).ToHashSet();
        images = [.. images.Where(i => Accepted(report, "images.ndjson", i.Line, validator.ImageProblem(i.Row, inBatch)))];
        quotes = [.. quotes.Where(q => Accepted(report, "quotes.ndjson", q.Line, validator.QuoteProblem(q.Row, inBatch)))];
        try
        {
            Write(batch, images, quotes, report);
        }
        catch (Exception ex) when (Refused(ex))
        {
            // Find the records the database refuses; the others still go in.
            foreach (var article in batch)
            {
                var id = article.Row.Id;
                TryWrite(report, "articles.ndjson", article.Line, [article], [.. images.Where(i => i.Row.ArticleId == id)], [.. quotes.Where(q => q.Row.ArticleId == id)]);
            }
            foreach (var image in images.Where(i => !inBatch.Contains(i.Row.ArticleId ?? 0)))
                TryWrite(report, "images.ndjson", image.Line, [], [image], []);
            foreach (var quote in quotes.Where(q => !inBatch.Contains(q.Row.ArticleId)))
                TryWrite(report, "quotes.ndjson", quote.Line, [], [], [quote]);
        }
    }

    /// <summary>Refreshes the query planner's statistics of the loaded tables: a bulk load changes the shape of the data.</summary>
    public abstract void Finish();

    protected abstract DbTransaction BeginTransaction();

    /// <summary>Writes <paramref name="entities"/>, replacing the rows with the same keys.</summary>
    protected abstract void Upsert<T>(DbTransaction transaction, IEnumerable<T> entities)
        where T : class;

    /// <summary>Writes the batch; the lists of its reloaded articles are replaced, not added to.</summary>
    protected abstract void Write(DbTransaction transaction, ArticleBatch batch);

    /// <summary>Stops the search index's triggers for the transaction, and takes out the stories <paramref name="reloaded"/> as they were.</summary>
    protected abstract void DeferSearch(DbTransaction transaction, IReadOnlyList<int> reloaded);

    /// <summary>
    /// Indexes <paramref name="articles"/> and the stories that place <paramref name="images"/> (or queues
    /// them for the search backlog, <see cref="ImportOptions.SearchIndexing"/>), and lets the triggers run again.
    /// </summary>
    protected abstract void RefreshSearch(DbTransaction transaction, IReadOnlyList<int> articles, IReadOnlyList<int> images);

    /// <summary>Whether the database refused the data (so another record may still go in), rather than failed.</summary>
    protected abstract bool Refused(Exception exception);

    /// <summary>Whether the transaction lost a conflict with another one (a deadlock): the same writes may simply be tried again.</summary>
    protected virtual bool Conflicted(Exception exception) => false;

    private const int MaxAttempts = 4;

    private static bool Accepted(ImportReport report, string file, int line, string? problem)
    {
        if (problem is not null)
            report.Fail(file, line, problem);
        return problem is null;
    }

    private void TryWrite(ImportReport report, string file, int line, List<(int, ArticleRow)> articles, List<(int, ImageRow)> images, List<(int, QuoteRow)> quotes)
    {
        try
        {
            Write(articles, images, quotes, report);
        }
        catch (Exception ex) when (Refused(ex))
        {
            report.Fail(file, line, $"the database refused the record: {ex.Message}");
        }
    }

    /// <summary>
    /// Writes the records in one transaction, tried again from the start when it lost a conflict: on PostgreSQL a
    /// server working off the search backlog can hold a story's backlog row while this batch holds the story.
    /// </summary>
    private void Write(List<(int Line, ArticleRow Row)> articles, List<(int Line, ImageRow Row)> images, List<(int Line, QuoteRow Row)> quotes, ImportReport report)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                WriteOnce(articles, images, quotes, report);
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && Conflicted(ex))
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 100) * attempt));
            }
        }
    }

    private void WriteOnce(List<(int Line, ArticleRow Row)> articles, List<(int Line, ImageRow Row)> images, List<(int Line, QuoteRow Row)> quotes, ImportReport report)
    {
        var newSections = new List<string>();
        try
        {
            using var transaction = BeginTransaction();
            var batch = new ArticleBatch(now);
            foreach (var (_, article) in articles)
                batch.AddArticle(article, Section(transaction, article, newSections), content.Articles.Contains(article.Id));
            foreach (var (_, image) in images)
                batch.AddImage(image);
            foreach (var (_, quote) in quotes)
                batch.AddQuote(quote, quote.PersonId is { } speaker ? content.People.GetValueOrDefault(speaker) : null);
            // The search index's triggers wait, and the batch's stories are indexed once, when all their rows are in.
            DeferSearch(transaction, batch.Reloaded);
            Write(transaction, batch);
            RefreshSearch(transaction, [.. batch.ArticleIds], [.. batch.Images.Select(i => i.Id)]);
            transaction.Commit();
        }
        catch
        {
            // Sections made in a transaction that did not commit are not there.
            foreach (var slug in newSections)
                content.Sections.Remove(slug);
            throw;
        }
        content.Articles.UnionWith(articles.Select(a => a.Row.Id));
        report.Count("articles", articles.Count);
        report.Count("images", images.Count);
        report.Count("quotes", quotes.Count);
    }

    private void WriteAll<TRow, TEntity>(List<TRow> batch, string kind, Func<TRow, TEntity> entity, ImportReport report)
        where TEntity : class
    {
        if (batch.Count == 0)
            return;
        using (var transaction = BeginTransaction())
        {
            Upsert(transaction, batch.ConvertAll(row => entity(row)));
            transaction.Commit();
        }
        report.Count(kind, batch.Count);
    }

    private int Section(DbTransaction transaction, ArticleRow article, List<string> newSections)
    {
        var slug = Slug.From(article.Section);
        if (content.Sections.TryGetValue(slug, out var id))
            return id;
        var name = article.SectionName ?? System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(article.Section.Replace('-', ' '));
        using var insert = transaction.Connection!.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO \"Sections\" (\"Slug\", \"Name\") VALUES (@slug, @name) RETURNING \"Id\"";
        foreach (var (parameter, value) in new[] { ("@slug", slug), ("@name", name) })
        {
            var p = insert.CreateParameter();
            (p.ParameterName, p.Value) = (parameter, value);
            insert.Parameters.Add(p);
        }
        newSections.Add(slug);
        return content.Sections[slug] = Convert.ToInt32(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
