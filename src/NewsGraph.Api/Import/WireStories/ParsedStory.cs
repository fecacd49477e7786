using NewsGraph.Api.Articles;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>The facts of one wire story, read from its plain text by <see cref="WireStoryParser"/>.</summary>
/// <param name="Headline">The headline without its markers.</param>
/// <param name="RevisionLabel"><c>LEAD</c>, <c>2nd LD</c>, <c>3rd LD</c>… from the headline markers.</param>
/// <param name="Genre">Headline markers that name a kind of story (<c>News Focus</c>), joined with ", ".</param>
/// <param name="Bylines">Reporters' names in byline order.</param>
/// <param name="Notes">Notes to editors as the wire writes them (<c>ATTN: ADDS photo</c>), without their parentheses.</param>
/// <param name="Paragraphs">Body paragraphs without the dateline, photo captions, notes and end marker.</param>
/// <param name="People">Everyone the body or a caption names with a title, reporters excepted, in order of appearance.</param>
public sealed record ParsedStory(
    string Headline,
    string? RevisionLabel,
    string? Genre,
    bool IsUrgent,
    string Section,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> Bylines,
    ParsedStory.DatelineFacts? Dateline,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<ParsedStory.ImageFacts> Images,
    IReadOnlyList<ParsedStory.PersonFacts> People,
    IReadOnlyList<ParsedStory.QuoteFacts> Quotes,
    bool HasEndMarker)
{
    /// <summary><c>WASHINGTON/SEOUL, Nov. 22 (Yonhap)</c>: places in order, the date as written, the agency.</summary>
    public sealed record DatelineFacts(IReadOnlyList<string> Places, string Date, string Source);

    /// <summary>A photo caption without its trailing notes in parentheses, and what those notes and the caption say.</summary>
    /// <param name="Credit"><c>Yonhap</c>, <c>AFP-Yonhap</c>.</param>
    /// <param name="Provider">Who provided or released the photo, or is thanked by "courtesy of".</param>
    /// <param name="RightsNote">As printed: <c>PHOTO NOT FOR SALE</c>.</param>
    /// <param name="TakenOn">The full date the caption gives ("on July 20, 2020").</param>
    public sealed record ImageFacts(string Caption, string Credit, string? Provider, string? RightsNote, bool IsFilePhoto, DateOnly? TakenOn)
    {
        public bool IsNotForSale => RightsNote?.Contains("NOT FOR SALE", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <param name="Title">The longest title the story gives the person; a bare honorific (<c>Gen.</c>) only if it gives no other.</param>
    public sealed record PersonFacts(string Name, string? Title, string? Organization);

    /// <param name="SpeakerName">One of <see cref="People"/>, or null when the words are attributed to no one named.</param>
    /// <param name="SpeakerTitle">The speaker's title in this story.</param>
    /// <param name="Position">1-based order in the story.</param>
    /// <param name="Attribution">The rule that found the speaker (or the source), or <see cref="QuoteAttribution.Unattributed"/>.</param>
    /// <param name="Source">Who the words are given to as written, when that is no person: <c>the ministry</c>, <c>an industry official</c>.</param>
    /// <param name="UnattributedReason">Why no rule found a speaker.</param>
    public sealed record QuoteFacts(
        string? SpeakerName,
        string? SpeakerTitle,
        string Text,
        int Position,
        QuoteAttribution Attribution = QuoteAttribution.Unattributed,
        string? Source = null,
        string? UnattributedReason = null);
}
