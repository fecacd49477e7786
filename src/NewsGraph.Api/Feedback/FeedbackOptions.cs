namespace NewsGraph.Api.Feedback;

/// <summary>Limits on reader feedback, bound from the <c>Feedback</c> configuration section.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Submissions one client may make per <see cref="RateLimitWindow"/>.</summary>
    public int RateLimitPermits { get; set; } = 5;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
