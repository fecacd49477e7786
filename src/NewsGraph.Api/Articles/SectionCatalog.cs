using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Api.Articles;

/// <summary>
/// All sections, in memory: a dozen rows that are only ever added (no mutation renames or removes
/// one), read by nearly every story. An id not seen yet (a section added since, by this process or
/// an import) reloads them.
/// </summary>
public sealed class SectionCatalog(IDbContextFactory<NewsDbContext> dbFactory)
{
    private volatile IReadOnlyDictionary<int, Section> _byId = new Dictionary<int, Section>();

    public async ValueTask<IReadOnlyDictionary<int, Section>> GetAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var known = _byId;
        if (ids.All(known.ContainsKey))
            return known;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        _byId = all;
        return all;
    }

    /// <summary>The slug of section <paramref name="id"/>; null when there is none.</summary>
    public async ValueTask<string?> SlugAsync(int id, CancellationToken cancellationToken)
        => (await GetAsync([id], cancellationToken)).TryGetValue(id, out var section) ? section.Slug : null;
}
