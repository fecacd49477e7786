using NewsGraph.Api.Images;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

/// <summary>A story as the wire publishes it.</summary>
public sealed class Article : IVersioned
{
    // Column sizes, used by ArticleConfiguration and by every check of input (mutations, bulk import).
    public const int SlugMaxLength = 200;
    public const int HeadlineMaxLength = 500;
    public const int RevisionLabelMaxLength = 20;
    public const int GenreMaxLength = 100;
    public const int LanguageMaxLength = 35;
    public const int DatelineSourceMaxLength = 100;
    public const int DatelineDateMaxLength = 30;
    public const int EditorNotesMaxLength = 4000;
    public const int WithdrawalNoticeMaxLength = 2000;

    public int Id { get; set; }

    /// <summary>URL name, unique: <c>u-s-space-commander-calls-for-...</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>The headline without its markers (<c>(LEAD)</c>, <c>(News Focus)</c>...).</summary>
    public required string Headline { get; set; }

    /// <summary>Which write-through this is: <c>LEAD</c>, <c>2nd LD</c>; null for the first version.</summary>
    public string? RevisionLabel { get; set; }

    /// <summary>A genre marker the wire puts before the headline: <c>News Focus</c>, <c>Yonhap Interview</c>.</summary>
    public string? Genre { get; set; }

    /// <summary>Marked <c>(URGENT)</c> by the wire.</summary>
    public bool IsUrgent { get; set; }

    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;

    public ArticleStatus Status { get; set; }

    /// <summary>The publication instant in UTC: what filters, sorts and cursors use.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>The UTC offset the story was published with (+540 for Korea), so clients show local time.</summary>
    public short PublishedOffsetMinutes { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Dateline places in order: <c>["WASHINGTON", "SEOUL"]</c>.</summary>
    public List<string> DatelinePlaces { get; set; } = [];

    /// <summary>The agency in the dateline: <c>Yonhap</c>.</summary>
    public string? DatelineSource { get; set; }

    /// <summary>The date as the dateline writes it: <c>Nov. 23</c>.</summary>
    public string? DatelineDate { get; set; }

    /// <summary>BCP 47 language tag.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Body paragraphs in reading order; photo captions are not among them.</summary>
    public List<string> Paragraphs { get; set; } = [];

    /// <summary>Raised by every saved change; updates name the version they were based on.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Notes between editors; never shown to readers.</summary>
    public string? EditorNotes { get; set; }

    /// <summary>Why the story was killed, as readers following a link to it are told.</summary>
    public string? WithdrawalNotice { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    public List<Byline> Bylines { get; set; } = [];
    public List<Correction> Corrections { get; set; } = [];
    public List<ArticleRevision> Revisions { get; set; } = [];
    public List<ArticleImage> Images { get; set; } = [];
    public List<Quote> Quotes { get; set; } = [];

    /// <summary>The publication time as the story gave it, in its own offset.</summary>
    public DateTimeOffset? PublishedAtLocal => PublishedAt is { } utc
        ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromMinutes(PublishedOffsetMinutes))
        : null;
}
