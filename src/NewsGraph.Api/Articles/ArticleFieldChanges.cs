using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.People;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

/// <summary>
/// Applies the story fields of an <see cref="ArticleFieldsInput"/> (already
/// <see cref="ArticleFieldsInput.Validated">validated</see>) to a story and lists those that changed.
/// What needs the database is checked here: a slug another story has, the people of the byline.
/// </summary>
public sealed class ArticleFieldChanges
{
    private readonly NewsDbContext _db;
    private readonly Article _article;
    private readonly InputValidator _check;
    private readonly bool _creating;

    private ArticleFieldChanges(NewsDbContext db, Article article, InputValidator check, bool creating)
        => (_db, _article, _check, _creating) = (db, article, check, creating);

    private List<string> Changes { get; } = [];

    /// <summary>Validates <paramref name="input"/>, applies it and returns the names of the fields that changed.</summary>
    public static async Task<List<string>> ApplyAsync(
        NewsDbContext db, Article article, ArticleFieldsInput input, InputValidator check, bool creating, CancellationToken cancellationToken)
    {
        var changes = new ArticleFieldChanges(db, article, check, creating);
        await changes.ApplyAsync(input.Validated(check, creating), cancellationToken);
        return changes.Changes;
    }

    private async Task ApplyAsync(ArticleFieldsInput input, CancellationToken cancellationToken)
    {
        var article = _article;
        if (input.Headline is { IsSet: true, Value: { } headline })
            Set("headline", article.Headline, headline, v => article.Headline = v);
        await ApplySlugAsync(input.Slug, cancellationToken);
        if (input.Section is { IsSet: true, Value: { } section })
            await ApplySectionAsync(section, cancellationToken);
        if (input.RevisionLabel.IsSet)
            Set("revisionLabel", article.RevisionLabel, input.RevisionLabel.Value, v => article.RevisionLabel = v);
        if (input.Genre.IsSet)
            Set("genre", article.Genre, input.Genre.Value, v => article.Genre = v);
        if (input.IsUrgent.IsSet)
            Set("isUrgent", article.IsUrgent, input.IsUrgent.Value ?? false, v => article.IsUrgent = v);
        if (input.Language is { IsSet: true, Value: { } language })
            Set("language", article.Language, language, v => article.Language = v);
        if (input.EditorNotes.IsSet)
            Set("editorNotes", article.EditorNotes, input.EditorNotes.Value, v => article.EditorNotes = v);
        if (input.Paragraphs.IsSet)
            ApplyParagraphs(input.Paragraphs.Value);
        if (input.Dateline.IsSet)
            ApplyDateline(input.Dateline.Value);
        if (input.AuthorIds.IsSet)
            await ApplyAuthorsAsync(input.AuthorIds.Value, cancellationToken);
    }

    private void Set<T>(string field, T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
            return;
        assign(value);
        Changes.Add(field);
    }

    /// <summary>A new story gets a slug from its headline, unless the headline was refused.</summary>
    private async Task ApplySlugAsync(Optional<string?> given, CancellationToken cancellationToken)
    {
        if (!(given.IsSet || _creating) || (given.Value is null && _check.Rejected("headline")))
            return;
        var slug = Slug.From(given.Value ?? _article.Headline);
        if (slug.Length == 0)
            _check.Add(ArticleErrors.SlugWithoutLetters());
        else if (await _db.Articles.AnyAsync(a => a.Slug == slug && a.Id != _article.Id, cancellationToken))
            _check.Add(ArticleErrors.SlugTaken(slug));
        else
            Set("slug", _article.Slug, slug, v => _article.Slug = v);
    }

    /// <summary>Sections are known by the slug of their name; a new name makes a new section.</summary>
    private async Task ApplySectionAsync(string name, CancellationToken cancellationToken)
    {
        var slug = Slug.From(name);
        var section = await _db.Sections.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken)
                      ?? _db.Sections.Add(new Section { Slug = slug, Name = name }).Entity;
        if (_creating || section.Id == 0 || _article.SectionId != section.Id)
        {
            _article.Section = section;
            Changes.Add("section");
        }
    }

    private void ApplyParagraphs(IReadOnlyList<string>? given)
    {
        List<string> paragraphs = [.. NonBlank(given)];
        if (paragraphs.SequenceEqual(_article.Paragraphs))
            return;
        _article.Paragraphs = paragraphs;
        Changes.Add("paragraphs");
    }

    private void ApplyDateline(DatelineInput? dateline)
    {
        List<string> places = [.. NonBlank(dateline?.Places)];
        var (date, source) = (InputValidator.Trimmed(dateline?.Date), InputValidator.Trimmed(dateline?.Source));
        var article = _article;
        if (places.SequenceEqual(article.DatelinePlaces) && date == article.DatelineDate && source == article.DatelineSource)
            return;
        (article.DatelinePlaces, article.DatelineDate, article.DatelineSource) = (places, date, source);
        Changes.Add("dateline");
    }

    /// <summary>The authors lead the byline in the order given; other credits follow them.</summary>
    private async Task ApplyAuthorsAsync(IReadOnlyList<string>? authorIds, CancellationToken cancellationToken)
    {
        var people = await PeopleAsync(_db, _check.Ids(authorIds, "authorIds", PersonErrors.Person.TypeName), "authorIds", _check, cancellationToken);
        var bylines = _article.Bylines;
        var current = bylines.Where(b => b.Role == BylineRole.Author).OrderBy(b => b.Position).Select(b => b.PersonId);
        if (current.SequenceEqual(people.Select(p => p.Id)))
            return;
        bylines.RemoveAll(b => b.Role == BylineRole.Author);
        var others = bylines.OrderBy(b => b.Position).ToList();
        bylines.AddRange(people.Select((p, i) => new Byline { Person = p, PersonId = p.Id, Position = i + 1, Role = BylineRole.Author }));
        for (var i = 0; i < others.Count; i++)
            others[i].Position = people.Count + i + 1;
        Changes.Add("authors");
    }

    /// <summary>The people behind <paramref name="ids"/>, each once; a not-found error for each missing one.</summary>
    private static async Task<List<Person>> PeopleAsync(NewsDbContext db, IReadOnlyList<int> ids, string field, InputValidator check, CancellationToken cancellationToken)
    {
        var people = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var id in ids.Where(id => !people.ContainsKey(id)).Distinct())
            check.Add(PersonErrors.Person.NotFound(id, field));
        return [.. ids.Distinct().Where(people.ContainsKey).Select(id => people[id])];
    }

    private static IEnumerable<string> NonBlank(IEnumerable<string>? texts) => (texts ?? []).Select(p => p.Trim()).Where(p => p.Length > 0);
}
