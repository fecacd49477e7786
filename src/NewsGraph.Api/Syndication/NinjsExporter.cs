using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Syndication;

/// <summary>
/// Writes every story but drafts as ninjs 2.1 documents, one a line (<c>ninjs.ndjson</c>), in id order a chunk at
/// a time so memory stays flat; withdrawn stories go as <c>canceled</c>, scheduled ones as <c>withheld</c> with their embargo.
/// </summary>
public sealed class NinjsExporter(IDbContextFactory<NewsDbContext> dbFactory, IOptions<SyndicationOptions> options)
{
    public const string FileName = "ninjs.ndjson";
    private const int ChunkSize = 500;

    /// <returns>How many documents were written.</returns>
    public async Task<int> ExportAsync(string folder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var stream = new FileStream(Path.Combine(folder, FileName), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var count = 0;
        var last = 0;
        while (true)
        {
            var ids = await db.Articles.AsNoTracking().Where(a => a.Id > last && a.Status != ArticleStatus.Draft)
                .OrderBy(a => a.Id).Select(a => a.Id).Take(ChunkSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
                return count;
            var stories = await SyndicatedStoryLoader.LoadAsync(db, ids, cancellationToken);
            foreach (var id in ids)
            {
                NinjsDocument.Build(stories[id], options.Value).WriteTo(json);
                await json.FlushAsync(cancellationToken);
                stream.WriteByte((byte)'\n');
                json.Reset();
            }
            count += ids.Count;
            last = ids[^1];
        }
    }
}
