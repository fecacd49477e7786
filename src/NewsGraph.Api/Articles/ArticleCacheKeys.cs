namespace NewsGraph.Api.Articles;

/// <summary>
/// The keys responses about stories carry and purges name: a story (<c>article:41</c>), a section
/// and the lists of its stories (<c>section:business</c>), every list not limited to one section
/// (<c>articles</c>: the all-news front page, search, a person's stories) and the list of
/// sections (<c>sections</c>).
/// </summary>
public static class ArticleCacheKeys
{
    public const string Lists = "articles";
    public const string Sections = "sections";

    public static string Article(int id) => "article:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Section(string slug) => "section:" + slug;

    /// <summary>
    /// The lists an <c>articles(where:)</c> reads: those of the sections its filter keeps it to
    /// (<c>section: { slug: { eq } }</c> or <c>{ in }</c>, which every result must match), else all.
    /// </summary>
    public static IEnumerable<string> ForFilter(object? where)
    {
        if (where is IDictionary<string, object?> filter
            && filter.TryGetValue("section", out var section) && section is IDictionary<string, object?> sectionFilter
            && sectionFilter.TryGetValue("slug", out var slug) && slug is IDictionary<string, object?> slugFilter)
        {
            if (slugFilter.TryGetValue("eq", out var eq) && eq is string one)
                return [Section(one)];
            if (slugFilter.TryGetValue("in", out var @in) && @in is IEnumerable<object?> some && some.All(s => s is string))
                return some.Cast<string>().Select(Section);
        }
        return [Lists];
    }

    /// <summary>What a change to a story visible to readers (before or after it) makes stale: itself, its sections' lists and the others.</summary>
    public static IEnumerable<string> ForChange(int articleId, params IEnumerable<string?> sectionSlugs)
        => [Article(articleId), Lists, .. sectionSlugs.OfType<string>().Distinct().Select(Section)];
}
