using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;

namespace NewsGraph.Api.Import;

/// <summary>
/// The database side of <see cref="NdjsonImporter"/>: what already exists (ids, slugs, sections),
/// the checks that need it, and the batched upserts. A batch that SQLite refuses is retried
/// article by article, so one bad record cannot cost the others their place.
/// </summary>
internal sealed class ImportState(SqliteConnection connection, ImportReport report, DateTime now)
{
    private readonly Dictionary<string, int> _slugs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sections = new(StringComparer.Ordinal);

    public ImportReport Report => report;

    public HashSet<int> KnownPeople { get; } = [];

    public HashSet<int> KnownArticles { get; } = [];

    /// <summary>Article id to slug, as the database had them before the import.</summary>
    public Dictionary<int, string> ExistingSlugs { get; } = [];

    public void LoadExisting()
    {
        foreach (var (id, _) in Query("SELECT \"Id\", NULL FROM \"People\""))
            KnownPeople.Add(id);
        foreach (var (id, slug) in Query("SELECT \"Id\", \"Slug\" FROM \"Articles\""))
        {
            KnownArticles.Add(id);
            ExistingSlugs[id] = slug!;
            _slugs[slug!] = id;
        }
        foreach (var (id, slug) in Query("SELECT \"Id\", \"Slug\" FROM \"Sections\""))
            _sections[slug!] = id;
    }

    /// <summary>Why the article cannot be loaded, or null.</summary>
    public string? Validate(ArticleRow row)
    {
        if (row.Id <= 0)
            return $"id {row.Id} is not positive";
        if (string.IsNullOrWhiteSpace(row.Slug) || row.Slug.Length > 200)
            return "slug is empty or longer than 200 characters";
        if (_slugs.TryGetValue(row.Slug, out var owner) && owner != row.Id)
            return $"slug `{row.Slug}` belongs to article {owner}";
        if (string.IsNullOrWhiteSpace(row.Headline))
            return "headline is empty";
        if (string.IsNullOrWhiteSpace(row.Section))
            return "section is empty";
        if (!Enum.TryParse<ArticleStatus>(row.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            return $"status `{row.Status}` is not one of PUBLISHED, DRAFT, SCHEDULED, WITHDRAWN";
        if (status == ArticleStatus.Published && row.PublishedAt is null)
            return "a published article needs published_at";
        var bylines = Bylines(row);
        foreach (var byline in bylines)
        {
            if (!Enum.TryParse<BylineRole>(byline.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                return $"byline role `{byline.Role}` is not one of AUTHOR, CONTRIBUTOR, PHOTOGRAPHER, EDITOR";
            if (!KnownPeople.Contains(byline.PersonId))
                return $"person {byline.PersonId} of the byline names no person";
        }
        if (bylines.Select(b => b.PersonId).Distinct().Count() != bylines.Count)
            return "the byline names a person twice";
        if (row.Version is < 1)
            return $"version {row.Version} is less than 1";
        if (row.EditorNotes is { Length: > 4000 })
            return "editor_notes is longer than 4000 characters";
        if (row.WithdrawalNotice is { } notice && (string.IsNullOrWhiteSpace(notice) || notice.Length > 2000))
            return "withdrawal_notice is empty or longer than 2000 characters";
        if ((CorrectionProblem(row) ?? RevisionProblem(row)) is { } editorial)
            return editorial;
        _slugs[row.Slug] = row.Id;
        return null;
    }

    private static string? CorrectionProblem(ArticleRow row)
    {
        for (var i = 0; i < (row.Corrections?.Length ?? 0); i++)
        {
            var problem = row.Corrections![i] switch
            {
                null => "is null",
                { Text: var text } when string.IsNullOrWhiteSpace(text) || text.Length > 2000 => "has a text that is empty or longer than 2000 characters",
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
                { Action: var action } when string.IsNullOrWhiteSpace(action) || action.Length > 40 => "has an action that is empty or longer than 40 characters",
                { Changes: var changes } when changes.Any(string.IsNullOrWhiteSpace) => "lists an empty change",
                _ => null,
            };
            if (problem is not null)
                return $"revision {i + 1} {problem}";
        }
        return null;
    }

    public void WritePeople(List<PersonRow> batch)
    {
        if (batch.Count == 0)
            return;
        using var transaction = connection.BeginTransaction();
        using var upsert = Command(transaction, """
            INSERT INTO "People" ("Id", "Name", "Title", "Organization", "Version") VALUES ($id, $name, $title, $organization, $version)
            ON CONFLICT ("Id") DO UPDATE SET "Name" = excluded."Name", "Title" = excluded."Title", "Organization" = excluded."Organization",
                "Version" = excluded."Version"
            """, "$id", "$name", "$title", "$organization", "$version");
        foreach (var person in batch)
        {
            Run(upsert, person.Id, person.Name.Trim(), person.Title, person.Organization, person.Version ?? 1);
            KnownPeople.Add(person.Id);
        }
        transaction.Commit();
        report.Count("people", batch.Count);
        batch.Clear();
    }

    public void WriteFeedback(List<FeedbackRow> batch)
    {
        if (batch.Count == 0)
            return;
        using var transaction = connection.BeginTransaction();
        using var upsert = Command(transaction, """
            INSERT INTO "Feedback" ("Id", "ArticleId", "Message", "Rating", "ContactEmail", "CreatedAt", "Status", "SubmittedBy")
            VALUES ($id, $article, $message, $rating, $email, $created, $status, $submittedBy)
            ON CONFLICT ("Id") DO UPDATE SET "ArticleId" = excluded."ArticleId", "Message" = excluded."Message", "Rating" = excluded."Rating",
                "ContactEmail" = excluded."ContactEmail", "CreatedAt" = excluded."CreatedAt", "Status" = excluded."Status",
                "SubmittedBy" = excluded."SubmittedBy"
            """, "$id", "$article", "$message", "$rating", "$email", "$created", "$status", "$submittedBy");
        foreach (var feedback in batch)
        {
            var status = feedback.Status is { } s ? Enum.Parse<FeedbackStatus>(s, ignoreCase: true) : FeedbackStatus.New;
            Run(upsert, feedback.Id, feedback.ArticleId, feedback.Message, feedback.Rating, feedback.ContactEmail,
                NdjsonImporter.Text(feedback.CreatedAt.UtcDateTime), (int)status, feedback.SubmittedBy);
        }
        transaction.Commit();
        report.Count("feedback", batch.Count);
        batch.Clear();
    }

    /// <summary>Writes a batch of articles with their bylines, corrections, revisions, images and quotes, in one transaction.</summary>
    public void WriteArticles(List<(int Line, ArticleRow Row)> batch, List<(int Line, ImageRow Row)> images, List<(int Line, QuoteRow Row)> quotes)
    {
        var inBatch = batch.Select(b => b.Row.Id).ToHashSet();
        images = [.. images.Where(i => ImageVersion(i) && Related("images.ndjson", i.Line, i.Row.ArticleId, inBatch, i.Row.MorePlacements?.Select(p => p.ArticleId)))];
        quotes = [.. quotes.Where(q => Related("quotes.ndjson", q.Line, q.Row.ArticleId, inBatch, null) && Speaker(q))];
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
        using var upsertArticle = Command(transaction, """
            INSERT INTO "Articles" ("Id", "Slug", "Headline", "RevisionLabel", "Genre", "IsUrgent", "SectionId", "Status", "PublishedAt",
                "PublishedOffsetMinutes", "UpdatedAt", "DatelinePlaces", "DatelineSource", "DatelineDate", "Language", "Paragraphs", "Version",
                "EditorNotes", "WithdrawalNotice", "WithdrawnAt")
            VALUES ($id, $slug, $headline, $revision, $genre, $urgent, $section, $status, $published, $offset, $updated, $places, $source, $date,
                $language, $paragraphs, $version, $notes, $notice, $withdrawn)
            ON CONFLICT ("Id") DO UPDATE SET "Slug" = excluded."Slug", "Headline" = excluded."Headline", "RevisionLabel" = excluded."RevisionLabel",
                "Genre" = excluded."Genre", "IsUrgent" = excluded."IsUrgent", "SectionId" = excluded."SectionId", "Status" = excluded."Status",
                "PublishedAt" = excluded."PublishedAt", "PublishedOffsetMinutes" = excluded."PublishedOffsetMinutes", "UpdatedAt" = excluded."UpdatedAt",
                "DatelinePlaces" = excluded."DatelinePlaces", "DatelineSource" = excluded."DatelineSource", "DatelineDate" = excluded."DatelineDate",
                "Language" = excluded."Language", "Paragraphs" = excluded."Paragraphs", "Version" = excluded."Version",
                "EditorNotes" = excluded."EditorNotes", "WithdrawalNotice" = excluded."WithdrawalNotice", "WithdrawnAt" = excluded."WithdrawnAt"
            """, "$id", "$slug", "$headline", "$revision", "$genre", "$urgent", "$section", "$status", "$published", "$offset", "$updated",
            "$places", "$source", "$date", "$language", "$paragraphs", "$version", "$notes", "$notice", "$withdrawn");
        using var clearBylines = Command(transaction, "DELETE FROM \"Bylines\" WHERE \"ArticleId\" = $id", "$id");
        using var clearCorrections = Command(transaction, "DELETE FROM \"Corrections\" WHERE \"ArticleId\" = $id", "$id");
        using var clearRevisions = Command(transaction, "DELETE FROM \"Revisions\" WHERE \"ArticleId\" = $id", "$id");
        using var clearImages = Command(transaction, "DELETE FROM \"ArticleImages\" WHERE \"ArticleId\" = $id", "$id");
        using var clearQuotes = Command(transaction, "DELETE FROM \"Quotes\" WHERE \"ArticleId\" = $id", "$id");
        using var insertByline = Command(transaction,
            "INSERT INTO \"Bylines\" (\"ArticleId\", \"PersonId\", \"Position\", \"Role\") VALUES ($article, $person, $position, $role)",
            "$article", "$person", "$position", "$role");
        using var insertCorrection = Command(transaction,
            "INSERT INTO \"Corrections\" (\"ArticleId\", \"Text\", \"CreatedAt\", \"Version\") VALUES ($article, $text, $created, $version)",
            "$article", "$text", "$created", "$version");
        using var insertRevision = Command(transaction, """
            INSERT INTO "Revisions" ("ArticleId", "Version", "ChangedAt", "Editor", "Action", "Changes") VALUES ($article, $version, $changed, $editor, $action, $changes)
            """, "$article", "$version", "$changed", "$editor", "$action", "$changes");
        using var upsertImage = Command(transaction, """
            INSERT INTO "Images" ("Id", "Url", "Caption", "AltText", "Credit", "Provider", "RightsNote", "IsNotForSale", "IsFilePhoto", "TakenOn", "Version")
            VALUES ($id, $url, $caption, $alt, $credit, $provider, $rights, $notForSale, $file, $taken, $version)
            ON CONFLICT ("Id") DO UPDATE SET "Url" = excluded."Url", "Caption" = excluded."Caption", "AltText" = excluded."AltText",
                "Credit" = excluded."Credit", "Provider" = excluded."Provider", "RightsNote" = excluded."RightsNote",
                "IsNotForSale" = excluded."IsNotForSale", "IsFilePhoto" = excluded."IsFilePhoto", "TakenOn" = excluded."TakenOn",
                "Version" = excluded."Version"
            """, "$id", "$url", "$caption", "$alt", "$credit", "$provider", "$rights", "$notForSale", "$file", "$taken", "$version");
        using var placeImage = Command(transaction, """
            INSERT INTO "ArticleImages" ("ArticleId", "ImageId", "Position") VALUES ($article, $image, $position)
            ON CONFLICT ("ArticleId", "ImageId") DO UPDATE SET "Position" = excluded."Position"
            """, "$article", "$image", "$position");
        using var upsertQuote = Command(transaction, """
            INSERT INTO "Quotes" ("Id", "ArticleId", "SpeakerId", "SpeakerTitle", "Text", "Position") VALUES ($id, $article, $speaker, $title, $text, $position)
            ON CONFLICT ("Id") DO UPDATE SET "ArticleId" = excluded."ArticleId", "SpeakerId" = excluded."SpeakerId",
                "SpeakerTitle" = excluded."SpeakerTitle", "Text" = excluded."Text", "Position" = excluded."Position"
            """, "$id", "$article", "$speaker", "$title", "$text", "$position");
        using var speakerTitle = Command(transaction, "SELECT \"Title\" FROM \"People\" WHERE \"Id\" = $id", "$id");

        foreach (var (_, article) in articles)
        {
            var existed = KnownArticles.Contains(article.Id);
            var places = article.DatelinePlaces ?? (article.Dateline is { Length: > 0 } dateline ? dateline.Split('/') : []);
            Run(upsertArticle, article.Id, article.Slug, article.Headline, article.RevisionLabel, article.Genre, article.IsUrgent ?? false,
                Section(transaction, article), (int)Enum.Parse<ArticleStatus>(article.Status, ignoreCase: true),
                article.PublishedAt is { } published ? NdjsonImporter.Text(published.UtcDateTime) : null,
                article.PublishedAt is { } at ? (int)at.Offset.TotalMinutes : 0,
                NdjsonImporter.Text(article.UpdatedAt?.UtcDateTime ?? now),
                JsonSerializer.Serialize(places.ToList(), NdjsonContext.Default.ListString), article.DatelineSource, article.DatelineDate, article.Language,
                JsonSerializer.Serialize(Paragraphs(article.Body), NdjsonContext.Default.ListString), article.Version ?? 1,
                article.EditorNotes, article.WithdrawalNotice, article.WithdrawnAt is { } withdrawn ? NdjsonImporter.Text(withdrawn.UtcDateTime) : null);
            if (existed)
            {
                Run(clearBylines, article.Id);
                Run(clearCorrections, article.Id);
                Run(clearRevisions, article.Id);
                Run(clearImages, article.Id);
                Run(clearQuotes, article.Id);
            }
            var position = 0;
            foreach (var byline in Bylines(article))
                Run(insertByline, article.Id, byline.PersonId, ++position, (int)Enum.Parse<BylineRole>(byline.Role, ignoreCase: true));
            foreach (var correction in article.Corrections ?? [])
                Run(insertCorrection, article.Id, correction.Text, NdjsonImporter.Text(correction.CreatedAt.UtcDateTime), correction.Version);
            foreach (var revision in article.Revisions ?? [])
            {
                Run(insertRevision, article.Id, revision.Version, NdjsonImporter.Text(revision.ChangedAt.UtcDateTime), revision.Editor, revision.Action,
                    JsonSerializer.Serialize(revision.Changes.ToList(), NdjsonContext.Default.ListString));
            }
        }
        foreach (var (_, image) in images)
        {
            var notForSale = image.IsNotForSale ?? image.Rights?.Contains("NOT FOR SALE", StringComparison.OrdinalIgnoreCase) == true;
            Run(upsertImage, image.Id, image.Url, image.Caption, image.AltText, image.Credit, image.Provider, image.Rights, notForSale,
                image.IsFilePhoto ?? false, image.TakenOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), image.Version ?? 1);
            if (image.ArticleId is { } articleId)
                Run(placeImage, articleId, image.Id, image.Position ?? 1);
            foreach (var placement in image.MorePlacements ?? [])
                Run(placeImage, placement.ArticleId, image.Id, placement.Position);
        }
        var quotePositions = new Dictionary<int, int>();
        foreach (var (_, quote) in quotes)
        {
            var position = quote.Position ?? (quotePositions[quote.ArticleId] = quotePositions.GetValueOrDefault(quote.ArticleId) + 1);
            var title = quote.SpeakerTitle ?? (quote.PersonId is { } speaker ? Scalar(speakerTitle, speaker) : null);
            Run(upsertQuote, quote.Id, quote.ArticleId, quote.PersonId, title, quote.Text, position);
        }
        transaction.Commit();

        KnownArticles.UnionWith(articles.Select(a => a.Row.Id));
        report.Count("articles", articles.Count);
        report.Count("images", images.Count);
        report.Count("quotes", quotes.Count);
    }

    private bool Related(string file, int line, int? articleId, HashSet<int> inBatch, IEnumerable<int>? moreArticles)
    {
        foreach (var id in moreArticles is null ? [articleId] : moreArticles.Select(i => (int?)i).Prepend(articleId))
        {
            if (id is { } article && !inBatch.Contains(article) && !KnownArticles.Contains(article))
            {
                report.Fail(file, line, $"article_id {article} names no article");
                return false;
            }
        }
        return true;
    }

    private bool ImageVersion((int Line, ImageRow Row) image)
    {
        if (image.Row.Version is not < 1)
            return true;
        report.Fail("images.ndjson", image.Line, $"image {image.Row.Id} has version {image.Row.Version}, less than 1");
        return false;
    }

    private bool Speaker((int Line, QuoteRow Row) quote)
    {
        if (quote.Row.PersonId is not { } person || KnownPeople.Contains(person))
            return true;
        report.Fail("quotes.ndjson", quote.Line, $"person_id {person} names no person");
        return false;
    }

    private int Section(SqliteTransaction transaction, ArticleRow article)
    {
        var slug = Slug.From(article.Section);
        if (_sections.TryGetValue(slug, out var id))
            return id;
        var name = article.SectionName ?? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(article.Section.Replace('-', ' '));
        using var insert = Command(transaction, "INSERT INTO \"Sections\" (\"Slug\", \"Name\") VALUES ($slug, $name) RETURNING \"Id\"", "$slug", "$name");
        insert.Parameters[0].Value = slug;
        insert.Parameters[1].Value = name;
        return _sections[slug] = Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<BylineRow> Bylines(ArticleRow article)
        => article.Bylines is { } bylines ? [.. bylines] : [.. article.AuthorIds.Select(id => new BylineRow(id, nameof(BylineRole.Author)))];

    private static List<string> Paragraphs(string body)
        => [.. body.Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0)];

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

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteCommand command, object value)
    {
        command.Parameters[0].Value = value;
        return command.ExecuteScalar() as string;
    }

    private List<(int Id, string? Text)> Query(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(int Id, string? Text)>();
        while (reader.Read())
            rows.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return rows;
    }
}
