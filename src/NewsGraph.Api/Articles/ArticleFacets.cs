using System.Globalization;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Articles;

/// <summary>
/// Counts of a set of stories by section, month of publication, byline person and quoted person,
/// each one statement that the database groups and counts, run only when its field is selected.
/// The set is what a connection holds (<see cref="ConnectionFacets"/>, a search's matches), so the
/// caller's visibility applies: readers never count drafts.
/// </summary>
public abstract class ArticleFacets
{
    /// <summary>Runs <paramref name="run"/> over the set's rows in a DbContext of its own.</summary>
    protected abstract Task<T> QueryAsync<T>(IResolveFieldContext context, Func<IQueryable<FacetRow>, NewsDbContext, Task<T>> run);

    public Task<List<CountGroup<int>>> SectionsAsync(IResolveFieldContext context)
        => QueryAsync(context, (rows, _) => rows.GroupBy(r => r.SectionId)
            .Select(g => new CountGroup<int> { Key = g.Key, Count = g.Count() })
            .ToListAsync(context.CancellationToken));

    /// <summary>Newest month first.</summary>
    public Task<List<CountGroup<int>>> MonthsAsync(IResolveFieldContext context, int? first)
        => QueryAsync(context, (rows, _) => rows.Where(r => r.Month > 0).GroupBy(r => r.Month)
            .Select(g => new CountGroup<int> { Key = g.Key, Count = g.Count() })
            .OrderByDescending(c => c.Key)
            .Take(first ?? int.MaxValue)
            .ToListAsync(context.CancellationToken));

    /// <summary>The people credited on the most stories (a story credits a person once: the bylines' key).</summary>
    public Task<List<CountGroup<int>>> BylinesAsync(IResolveFieldContext context, int first)
        => QueryAsync(context, (rows, db) => db.Bylines.Where(b => rows.Select(r => r.ArticleId).Contains(b.ArticleId))
            .GroupBy(b => b.PersonId)
            .Select(g => new CountGroup<int> { Key = g.Key, Count = g.Count() })
            .OrderByDescending(c => c.Count).ThenBy(c => c.Key)
            .Take(first)
            .ToListAsync(context.CancellationToken));

    /// <summary>The people quoted in the most stories, each story counted once.</summary>
    public Task<List<CountGroup<int>>> QuotedPeopleAsync(IResolveFieldContext context, int first)
        => QueryAsync(context, (rows, db) => db.Quotes.Where(q => q.SpeakerId != null && rows.Select(r => r.ArticleId).Contains(q.ArticleId))
            .Select(q => new { q.ArticleId, SpeakerId = q.SpeakerId!.Value }).Distinct()
            .GroupBy(q => q.SpeakerId)
            .Select(g => new CountGroup<int> { Key = g.Key, Count = g.Count() })
            .OrderByDescending(c => c.Count).ThenBy(c => c.Key)
            .Take(first)
            .ToListAsync(context.CancellationToken));

    /// <summary><c>2020-11</c> for the month index of November 2020 (months since January 1900).</summary>
    public static string MonthName(int month)
        => string.Create(CultureInfo.InvariantCulture, $"{1900 + month / 12:0000}-{month % 12 + 1:00}");
}
