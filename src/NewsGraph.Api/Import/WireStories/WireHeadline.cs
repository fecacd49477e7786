using System.Text.RegularExpressions;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// The headline line and the markers the wire puts around it: revision (<c>LEAD</c>, <c>2nd LD</c>,
/// <c>CORRECTED</c>), urgency (<c>URGENT</c>), genre (<c>News Focus</c>, <c>Yonhap Interview</c>, <c>profile</c>,
/// <c>EDITORIAL from …</c>) and notes to editors (<c>ATTN: …</c>).
/// </summary>
internal sealed partial record WireHeadline(string? Text, string? RevisionLabel, string? Genre, bool IsUrgent, IReadOnlyList<string> Notes)
{
    /// <summary>An editorial page's headline line holds its marker only; its title follows the time line.</summary>
    public bool IsEditorial => Genre?.Contains("EDITORIAL", StringComparison.OrdinalIgnoreCase) == true;

    public static WireHeadline Read(StoryLine line)
    {
        string? text = line.Text;
        var revisions = new List<string>();
        var genres = new List<string>();
        var notes = new List<string>();
        var isUrgent = false;
        for (var marker = LeadingMarker().Match(text); marker.Success; marker = LeadingMarker().Match(text))
        {
            Sort(marker.Groups["marker"].Value.Trim(), revisions, genres, notes, ref isUrgent);
            text = text[marker.Length..];
        }
        var trailing = new List<string>();
        for (var marker = TrailingMarker().Match(text); marker.Success && IsKnownMarker(marker.Groups["marker"].Value); marker = TrailingMarker().Match(text))
        {
            trailing.Insert(0, marker.Groups["marker"].Value.Trim());
            text = text[..marker.Index].TrimEnd();
        }
        foreach (var marker in trailing)
            Sort(marker, revisions, genres, notes, ref isUrgent);
        return new WireHeadline(
            text.Length > 0 ? text : null,
            revisions.Count > 0 ? string.Join(", ", revisions) : null,
            genres.Count > 0 ? string.Join(", ", genres) : null,
            isUrgent,
            notes);
    }

    /// <summary>A line or block that is a note to editors only: <c>(ATTN: ADDS photo; UPDATES with details in paras 4-6)</c>.</summary>
    public static string? NoteIn(string text) => Note().Match(text.Trim()) is { Success: true } match ? match.Groups["note"].Value.Trim() : null;

    /// <summary>Whether the text opens a note to editors, which may close on a later line.</summary>
    public static bool StartsNote(string text) => NoteStart().IsMatch(text);

    /// <summary>A note to editors at the start of a block, and the rest of the block.</summary>
    public static (string Note, string Remainder)? LeadingNote(string block)
        => LeadingNoteInBlock().Match(block) is { Success: true } match ? (match.Groups["note"].Value.Trim(), block[match.Length..]) : null;

    private static void Sort(string marker, List<string> revisions, List<string> genres, List<string> notes, ref bool isUrgent)
    {
        if (UrgentMarker().IsMatch(marker))
            isUrgent = true;
        else if (RevisionMarker().IsMatch(marker))
            revisions.Add(marker);
        else if (NoteMarker().IsMatch(marker))
            notes.Add(marker);
        else
            genres.Add(marker);
    }

    private static bool IsKnownMarker(string marker)
        => UrgentMarker().IsMatch(marker) || RevisionMarker().IsMatch(marker) || NoteMarker().IsMatch(marker) || GenreMarker().IsMatch(marker);

    [GeneratedRegex(@"^\((?<marker>[A-Za-z0-9][^()]{0,119})\)\s*")]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"\s*\((?<marker>[A-Za-z0-9][^()]{0,119})\)$")]
    private static partial Regex TrailingMarker();

    [GeneratedRegex(@"^(?:URGENT|FLASH|BULLETIN)$", RegexOptions.IgnoreCase)]
    private static partial Regex UrgentMarker();

    [GeneratedRegex(@"^(?:LEAD|LD|\d+(?:st|nd|rd|th) LD|CORRECTED|CORRECTION|REFILED|RECAST|UPDATED?)$", RegexOptions.IgnoreCase)]
    private static partial Regex RevisionMarker();

    [GeneratedRegex(@"^(?:ATTN|EDS?|EDITORS?)\b[:\s]", RegexOptions.IgnoreCase)]
    private static partial Regex NoteMarker();

    [GeneratedRegex(@"^(?:Yonhap [A-Za-z ]+|(?:News |Movie |Book |Music |Concert |Drama )?(?:Focus|Analysis|Reviews?|Feature|Interview|Profile|Obituary|Column|Commentary|Newsmaker)|EDITORIAL\b.*|Photos?|Graphics?|Q&A)$", RegexOptions.IgnoreCase)]
    private static partial Regex GenreMarker();

    [GeneratedRegex(@"^\((?:ATTN|EDS?|EDITORS?)\b[:\s]", RegexOptions.IgnoreCase)]
    private static partial Regex NoteStart();

    [GeneratedRegex(@"^\((?<note>(?:ATTN|EDS?|EDITORS?)\b[:\s][^()]*(?:\([^()]*\)[^()]*)*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Note();

    [GeneratedRegex(@"^\((?<note>(?:ATTN|EDS?|EDITORS?)\b[:\s][^()]*(?:\([^()]*\)[^()]*)*)\)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingNoteInBlock();
}
