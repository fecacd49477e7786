using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

/// <summary>
/// The fields a story's text is made of, shared by create, update and correct. A field left out
/// keeps its value; a field set to null clears it.
/// </summary>
public sealed record ArticleFieldsInput(
    Optional<string?> Headline,
    Optional<string?> Slug,
    Optional<string?> Section,
    Optional<string?> RevisionLabel,
    Optional<string?> Genre,
    Optional<bool?> IsUrgent,
    Optional<string?> Language,
    Optional<IReadOnlyList<string>?> Paragraphs,
    Optional<DatelineInput?> Dateline,
    Optional<IReadOnlyList<string>?> AuthorIds,
    Optional<string?> EditorNotes)
{
    /// <summary>Every field left out.</summary>
    public static readonly ArticleFieldsInput None = new(default, default, default, default, default, default, default, default, default, default, default);

    /// <summary>
    /// The input checked: texts trimmed (blank is null) and within the column sizes; a field that fails
    /// is reported and left out. A new story (<paramref name="creating"/>) must name its section.
    /// </summary>
    public ArticleFieldsInput Validated(InputValidator check, bool creating) => this with
    {
        Headline = check.Text(Headline, "headline", Article.HeadlineMaxLength, required: true),
        Slug = Slug.Map(InputValidator.Trimmed),
        Section = check.Text(creating && !Section.IsSet ? new(true, null) : Section, "section", Articles.Section.NameMaxLength, required: true),
        RevisionLabel = check.Text(RevisionLabel, "revisionLabel", Article.RevisionLabelMaxLength),
        Genre = check.Text(Genre, "genre", Article.GenreMaxLength),
        Language = check.Text(Language, "language", Article.LanguageMaxLength, required: true),
        EditorNotes = check.Text(EditorNotes, "editorNotes", Article.EditorNotesMaxLength),
    };
}
