using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoader;

namespace NewsGraph.Api.Articles;

/// <summary>Sections from <see cref="SectionCatalog"/>: usually no SQL at all.</summary>
public sealed class SectionByIdDataLoader(SectionCatalog sections) : BatchDataLoader<int, Section>
{
    protected override async Task<Dictionary<int, Section>> FetchByKeysAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var all = await sections.GetAsync(keys, cancellationToken);
        return keys.Where(all.ContainsKey).ToDictionary(k => k, k => all[k]);
    }
}
