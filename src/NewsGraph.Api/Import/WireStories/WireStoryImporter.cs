using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;
using NewsGraph.GraphQL.Purging;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Puts a parsed wire story into the database. A story is known by its slug, made from the headline
/// without markers, so a write-through (LEAD, 2nd LD) of the same headline updates the story it
/// replaces, and importing a file again changes nothing. People are matched by name across stories;
/// the title a story gives a speaker stays with the quote, the latest one goes to the person.
/// Once saved, what showed the story or the people it changed is purged from caches.
/// </summary>
public sealed class WireStoryImporter(TimeProvider clock, CachePurger purger)
{
    public async Task<(ImportOutcome Outcome, string Slug)> ImportAsync(NewsDbContext db, ParsedStory story, CancellationToken cancellationToken)
    {
        var slug = Slug.From(story.Headline);
        var article = await db.Articles
            .Include(a => a.Bylines).ThenInclude(b => b.Person)
            .Include(a => a.Images).ThenInclude(i => i.Image)
            .Include(a => a.Quotes).ThenInclude(q => q.Speaker)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        var created = article is null;
        article ??= db.Articles.Add(new Article { Slug = slug, Headline = story.Headline }).Entity;
        var sectionBefore = created ? null : await db.Sections.Where(s => s.Id == article.SectionId).Select(s => s.Slug).FirstOrDefaultAsync(cancellationToken);

        await ApplyFactsAsync(db, article, story, cancellationToken);
        await ApplyPeopleAsync(db, article, story, cancellationToken);
        ApplyImages(db, article, story);

        var articleChanged = created || db.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is not Person and not Section);
        if (articleChanged)
        {
            article.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            if (!created)
                article.Version++;
        }
        var people = db.ChangeTracker.Entries<Person>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList();
        var newSection = db.ChangeTracker.Entries<Section>().Any(e => e.State == EntityState.Added);
        await db.SaveChangesAsync(cancellationToken);
        List<string> stale = [.. people.Select(p => PersonCacheKeys.Person(p.Id))];
        if (people.Count > 0)
            stale.Add(PersonCacheKeys.List);
        if (newSection)
            stale.Add(ArticleCacheKeys.Sections);
        if (articleChanged)
            stale.AddRange(ArticleCacheKeys.ForChange(article.Id, sectionBefore, article.Section.Slug));
        await purger.PurgeAsync(stale, $"wire story {slug} imported", CancellationToken.None);
        return (created ? ImportOutcome.Created : articleChanged ? ImportOutcome.Updated : ImportOutcome.Unchanged, slug);
    }

    /// <summary>The story's own facts: headline and markers, section, time, dateline, paragraphs.</summary>
    private static async Task ApplyFactsAsync(NewsDbContext db, Article article, ParsedStory story, CancellationToken cancellationToken)
    {
        article.Headline = story.Headline;
        article.RevisionLabel = story.RevisionLabel;
        article.Genre = story.Genre;
        article.IsUrgent = story.IsUrgent;
        article.Section = await SectionAsync(db, story.Section, cancellationToken);
        article.Status = ArticleStatus.Published;
        article.PublishedAt = story.PublishedAt.UtcDateTime;
        article.PublishedOffsetMinutes = (short)story.PublishedAt.Offset.TotalMinutes;
        SetIfDifferent(article.DatelinePlaces, story.Dateline?.Places ?? [], places => article.DatelinePlaces = places);
        article.DatelineDate = story.Dateline?.Date;
        article.DatelineSource = story.Dateline?.Source;
        SetIfDifferent(article.Paragraphs, story.Paragraphs, paragraphs => article.Paragraphs = paragraphs);
        // The wire's notes to editors ("ATTN: ADDS photo") are the story's editor notes; an editor's own stay when the wire gives none.
        if (story.Notes.Count > 0)
            article.EditorNotes = Shortened(string.Join("\n", story.Notes), Article.EditorNotesMaxLength);
    }

    private static string? Shortened(string? text, int maxLength) => text is { Length: var length } && length > maxLength ? text[..maxLength] : text;

    /// <summary>The byline and the quotes, with their people found by name (or added).</summary>
    private static async Task ApplyPeopleAsync(NewsDbContext db, Article article, ParsedStory story, CancellationToken cancellationToken)
    {
        var people = new PeopleByName(db);
        var reporters = new List<Person>();
        foreach (var name in story.Bylines)
            reporters.Add(await people.GetAsync(name, title: null, organization: story.Dateline?.Source, cancellationToken));
        var named = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var person in story.People)
            named[person.Name] = await people.GetAsync(person.Name, person.Title, person.Organization, cancellationToken);

        if (!article.Bylines.OrderBy(b => b.Position).Select(b => (b.Person.Name, b.Role)).SequenceEqual(reporters.Select(r => (r.Name, BylineRole.Author))))
        {
            article.Bylines.Clear();
            article.Bylines.AddRange(reporters.Select((person, i) => new Byline { Person = person, Position = i + 1, Role = BylineRole.Author }));
        }
        if (!article.Quotes.OrderBy(q => q.Position).Select(q => (q.Speaker?.Name, q.SpeakerTitle, q.Text, q.Attribution, q.Source, q.UnattributedReason))
                .SequenceEqual(story.Quotes.Select(q => (q.SpeakerName, q.SpeakerTitle, q.Text, q.Attribution, q.Source, q.UnattributedReason))))
        {
            article.Quotes.Clear();
            article.Quotes.AddRange(story.Quotes.Select(q => new Quote
            {
                Speaker = q.SpeakerName is { } name ? named[name] : null,
                SpeakerTitle = q.SpeakerTitle,
                Text = q.Text,
                Position = q.Position,
                Attribution = q.Attribution,
                Source = Shortened(q.Source, Quote.SourceMaxLength),
                UnattributedReason = Shortened(q.UnattributedReason, Quote.UnattributedReasonMaxLength),
            }));
        }
    }

    /// <summary>The photos, replaced together when any of them changed.</summary>
    private static void ApplyImages(NewsDbContext db, Article article, ParsedStory story)
    {
        if (!article.Images.OrderBy(i => i.Position).Select(i => Facts(i.Image)).SequenceEqual(story.Images))
        {
            db.Images.RemoveRange(article.Images.Select(i => i.Image));
            article.Images.Clear();
            article.Images.AddRange(story.Images.Select((image, i) => new ArticleImage { Position = i + 1, Image = ToImage(image) }));
        }
    }

    private static async Task<Section> SectionAsync(NewsDbContext db, string name, CancellationToken cancellationToken)
    {
        var slug = Slug.From(name);
        return db.Sections.Local.FirstOrDefault(s => s.Slug == slug)
               ?? await db.Sections.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken)
               ?? db.Sections.Add(new Section { Slug = slug, Name = name }).Entity;
    }

    private static ParsedStory.ImageFacts Facts(Image image)
        => new(image.Caption, image.Credit ?? "", image.Provider, image.RightsNote, image.IsFilePhoto, image.TakenOn);

    private static Image ToImage(ParsedStory.ImageFacts image) => new()
    {
        Caption = image.Caption,
        Credit = image.Credit,
        Provider = image.Provider,
        RightsNote = image.RightsNote,
        IsNotForSale = image.IsNotForSale,
        IsFilePhoto = image.IsFilePhoto,
        TakenOn = image.TakenOn,
    };

    // Assigning an equal list would still mark the JSON column modified.
    private static void SetIfDifferent(List<string> current, IReadOnlyList<string> wanted, Action<List<string>> set)
    {
        if (!current.SequenceEqual(wanted))
            set([.. wanted]);
    }

    /// <summary>People by name, in the database or added in this unit of work; the latest title and organisation win.</summary>
    private sealed class PeopleByName(NewsDbContext db)
    {
        public async Task<Person> GetAsync(string name, string? title, string? organization, CancellationToken cancellationToken)
        {
            var person = db.People.Local.FirstOrDefault(p => p.Name == name)
                         ?? await db.People.OrderBy(p => p.Id).FirstOrDefaultAsync(p => p.Name == name, cancellationToken)
                         ?? db.People.Add(new Person { Name = name }).Entity;
            if (title is not null)
                person.Title = title;
            person.Organization ??= organization;
            return person;
        }
    }
}
