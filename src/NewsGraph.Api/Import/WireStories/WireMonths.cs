namespace NewsGraph.Api.Import.WireStories;

/// <summary>Month names as wire copy writes them: AP abbreviations (<c>Nov.</c>, <c>Sept.</c>) or in full.</summary>
internal static class WireMonths
{
    /// <summary>A regex alternation for any month name.</summary>
    public const string Pattern =
        @"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";

    private static readonly string[] Prefixes = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>1 to 12 for a name that <see cref="Pattern"/> matches.</summary>
    public static int Number(string name) => Array.IndexOf(Prefixes, name[..3]) + 1;

    /// <summary>The date, or null when the day does not exist in that month.</summary>
    public static DateOnly? DateOf(int year, string month, int day)
    {
        var number = Number(month);
        return year >= 1 && number >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, number)
            ? new DateOnly(year, number, day)
            : null;
    }
}
