using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Syndication;

/// <summary>Loads stories with what their syndication documents need, a batch at a time (five queries a batch).</summary>
public static class SyndicatedStoryLoader
{
    public static async Task<Dictionary<int, SyndicatedStory>> LoadAsync(NewsDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var bylines = (await db.Bylines.AsNoTracking().Where(b => ids.Contains(b.ArticleId)).OrderBy(b => b.Position)
            .Select(b => new { b.ArticleId, b.Person, b.Role }).ToListAsync(cancellationToken)).ToLookup(b => b.ArticleId);
        var quoted = (await db.Quotes.AsNoTracking().Where(q => ids.Contains(q.ArticleId) && q.Speaker != null).OrderBy(q => q.Position)
            .Select(q => new { q.ArticleId, Speaker = q.Speaker! }).ToListAsync(cancellationToken)).ToLookup(q => q.ArticleId);
        var images = (await db.ArticleImages.AsNoTracking().Where(l => ids.Contains(l.ArticleId)).OrderBy(l => l.Position)
            .Select(l => new { l.ArticleId, l.Image }).ToListAsync(cancellationToken)).ToLookup(l => l.ArticleId);
        var created = await db.Revisions.AsNoTracking().Where(r => ids.Contains(r.ArticleId)).GroupBy(r => r.ArticleId)
            .Select(g => new { ArticleId = g.Key, At = g.Min(r => r.ChangedAt) }).ToDictionaryAsync(r => r.ArticleId, r => r.At, cancellationToken);

        return articles.ToDictionary(a => a.Id, a => new SyndicatedStory(
            a,
            sections.GetValueOrDefault(a.SectionId, ""),
            [.. bylines[a.Id].Select(b => (b.Person, b.Role))],
            [.. quoted[a.Id].Select(q => q.Speaker).DistinctBy(p => p.Id)],
            [.. images[a.Id].Select(l => l.Image)],
            FirstCreated(a, created.GetValueOrDefault(a.Id))));
    }

    private static DateTimeOffset FirstCreated(Article article, DateTime firstRevision)
    {
        var utc = firstRevision != default ? firstRevision : article.PublishedAt is { } published && published < article.UpdatedAt ? published : article.UpdatedAt;
        return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
