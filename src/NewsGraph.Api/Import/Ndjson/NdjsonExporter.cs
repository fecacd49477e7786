using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// Writes all content as the bulk NDJSON files (and a manifest with row counts and SHA-256),
/// reading the database in id order a chunk at a time, so memory stays flat. Importing the files
/// into an empty database gives back the same content.
/// </summary>
public sealed class NdjsonExporter(IDbContextFactory<NewsDbContext> dbFactory)
{
    private const int ChunkSize = 5000;

    public async Task<IReadOnlyDictionary<string, int>> ExportAsync(string folder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var rows = new Dictionary<string, int>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        rows["people.ndjson"] = await WriteAsync(folder, "people.ndjson", NdjsonContext.Default.PersonRow,
            last => db.People.AsNoTracking().Where(p => p.Id > last).OrderBy(p => p.Id).Take(ChunkSize)
                .Select(p => new PersonRow(p.Id, p.Name, p.Title, p.Organization, null, p.Version)), r => r.Id, cancellationToken);

        var sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        rows["articles.ndjson"] = await WriteAsync(folder, "articles.ndjson", NdjsonContext.Default.ArticleRow, async last =>
        {
            var articles = await db.Articles.AsNoTracking().Where(a => a.Id > last).OrderBy(a => a.Id).Take(ChunkSize).ToListAsync(cancellationToken);
            var ids = articles.Select(a => a.Id).ToList();
            var bylines = (await db.Bylines.AsNoTracking().Where(b => ids.Contains(b.ArticleId)).OrderBy(b => b.Position).ToListAsync(cancellationToken))
                .ToLookup(b => b.ArticleId);
            var corrections = (await db.Corrections.AsNoTracking().Where(c => ids.Contains(c.ArticleId)).OrderBy(c => c.Id).ToListAsync(cancellationToken))
                .ToLookup(c => c.ArticleId);
            var revisions = (await db.Revisions.AsNoTracking().Where(r => ids.Contains(r.ArticleId)).OrderBy(r => r.Version).ThenBy(r => r.Id)
                .ToListAsync(cancellationToken)).ToLookup(r => r.ArticleId);
            return articles.Select(a => ToRow(a, sections[a.SectionId], [.. bylines[a.Id]], [.. corrections[a.Id]], [.. revisions[a.Id]])).ToList();
        }, r => r.Id, cancellationToken);

        rows["images.ndjson"] = await WriteAsync(folder, "images.ndjson", NdjsonContext.Default.ImageRow, async last =>
        {
            var images = await db.Images.AsNoTracking().Where(i => i.Id > last).OrderBy(i => i.Id).Take(ChunkSize).ToListAsync(cancellationToken);
            var ids = images.Select(i => i.Id).ToList();
            var placements = (await db.ArticleImages.AsNoTracking().Where(l => ids.Contains(l.ImageId))
                .OrderBy(l => l.ArticleId).ThenBy(l => l.Position).ToListAsync(cancellationToken)).ToLookup(l => l.ImageId);
            return images.Select(i =>
            {
                var links = placements[i.Id].ToList();
                return new ImageRow(i.Id, i.Caption, links.FirstOrDefault()?.ArticleId, links.FirstOrDefault()?.Position, i.Url, i.Credit, i.RightsNote,
                    i.AltText, i.Provider, i.IsNotForSale, i.IsFilePhoto, i.TakenOn,
                    links.Count > 1 ? [.. links.Skip(1).Select(l => new PlacementRow(l.ArticleId, l.Position))] : null,
                    i.Version);
            }).ToList();
        }, r => r.Id, cancellationToken);

        rows["quotes.ndjson"] = await WriteAsync(folder, "quotes.ndjson", NdjsonContext.Default.QuoteRow,
            last => db.Quotes.AsNoTracking().Where(q => q.Id > last).OrderBy(q => q.Id).Take(ChunkSize)
                .Select(q => new QuoteRow(q.Id, q.ArticleId, q.Text, q.SpeakerId, q.SpeakerTitle, q.Position,
                    NdjsonEntities.AttributionName(q.Attribution), q.Source, q.UnattributedReason)), r => r.Id, cancellationToken);

        rows["feedback.ndjson"] = await WriteAsync(folder, "feedback.ndjson", NdjsonContext.Default.FeedbackRow,
            async last => (await db.Feedback.AsNoTracking().Where(f => f.Id > last).OrderBy(f => f.Id).Take(ChunkSize).ToListAsync(cancellationToken))
                .Select(f => new FeedbackRow(f.Id, f.Message, new DateTimeOffset(f.CreatedAt), f.ArticleId, f.Rating, f.ContactEmail,
                    f.Status.ToString().ToUpperInvariant(), f.SubmittedBy))
                .ToList(), r => r.Id, cancellationToken);

        await WriteManifestAsync(folder, rows, cancellationToken);
        return rows;
    }

    private static ArticleRow ToRow(Article a, Section section, List<Byline> bylines, List<Correction> corrections, List<ArticleRevision> revisions)
    {
        var onlyAuthors = bylines.All(b => b.Role == BylineRole.Author);
        return new ArticleRow(
            a.Id, a.Slug, a.Headline, section.Slug, a.Language, a.Status.ToString().ToUpperInvariant(), string.Join("\n\n", a.Paragraphs),
            [.. bylines.Where(b => b.Role == BylineRole.Author).Select(b => b.PersonId)],
            Dateline: a.DatelinePlaces.Count > 0 ? string.Join('/', a.DatelinePlaces) : null,
            PublishedAt: a.PublishedAtLocal,
            SectionName: section.Name,
            RevisionLabel: a.RevisionLabel,
            Genre: a.Genre,
            IsUrgent: a.IsUrgent ? true : null,
            DatelinePlaces: a.DatelinePlaces.Count > 1 ? [.. a.DatelinePlaces] : null,
            DatelineSource: a.DatelineSource,
            DatelineDate: a.DatelineDate,
            UpdatedAt: new DateTimeOffset(a.UpdatedAt),
            Version: a.Version,
            Bylines: onlyAuthors ? null : [.. bylines.Select(b => new BylineRow(b.PersonId, b.Role.ToString().ToUpperInvariant()))],
            EditorNotes: a.EditorNotes,
            WithdrawalNotice: a.WithdrawalNotice,
            WithdrawnAt: a.WithdrawnAt is { } withdrawn ? new DateTimeOffset(withdrawn) : null,
            Corrections: corrections.Count > 0 ? [.. corrections.Select(c => new CorrectionRow(c.Text, new DateTimeOffset(c.CreatedAt), c.Version))] : null,
            Revisions: revisions.Count > 0
                ? [.. revisions.Select(r => new RevisionRow(r.Version, new DateTimeOffset(r.ChangedAt), r.Editor, r.Action, [.. r.Changes]))]
                : null);
    }

    private static Task<int> WriteAsync<T>(string folder, string file, JsonTypeInfo<T> type, Func<int, IQueryable<T>> chunk, Func<T, int> id, CancellationToken cancellationToken)
        => WriteAsync(folder, file, type, last => chunk(last).ToListAsync(cancellationToken), id, cancellationToken);

    private static async Task<int> WriteAsync<T>(string folder, string file, JsonTypeInfo<T> type, Func<int, Task<List<T>>> chunk, Func<T, int> id, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(Path.Combine(folder, file), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var count = 0;
        var last = 0;
        while (true)
        {
            var rows = await chunk(last);
            if (rows.Count == 0)
                return count;
            foreach (var row in rows)
            {
                JsonSerializer.Serialize(json, row, type);
                await json.FlushAsync(cancellationToken);
                stream.WriteByte((byte)'\n');
                json.Reset();
            }
            count += rows.Count;
            last = id(rows[^1]);
        }
    }

    private static async Task WriteManifestAsync(string folder, Dictionary<string, int> rows, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, object>();
        foreach (var (file, count) in rows)
        {
            var path = Path.Combine(folder, file);
            await using var stream = File.OpenRead(path);
            files[file] = new Dictionary<string, object>
            {
                ["rows"] = count,
                ["bytes"] = new FileInfo(path).Length,
                ["sha256"] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)),
            };
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"),
            JsonSerializer.Serialize(new Dictionary<string, object> { ["exported_by"] = "NewsGraph", ["files"] = files }, ManifestJson), cancellationToken);
    }

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };
}
