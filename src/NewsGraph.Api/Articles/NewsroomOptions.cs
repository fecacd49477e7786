namespace NewsGraph.Api.Articles;

/// <summary>Bound from the <c>Newsroom</c> configuration section.</summary>
public sealed class NewsroomOptions
{
    public const string SectionName = "Newsroom";

    /// <summary>The newsroom's UTC offset: stories published "now" carry it, and wire time lines are read in it.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(9);

    /// <summary>How often scheduled stories whose embargo has passed are published.</summary>
    public TimeSpan EmbargoCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
