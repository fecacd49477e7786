namespace NewsGraph.Api.Feedback;

/// <summary>
/// The texts of the reader feedback form, bound from the <c>FeedbackForm</c> configuration section.
/// They are site chrome rather than story content, so they live in configuration; the defaults
/// are the wire site's own words.
/// </summary>
public sealed class FeedbackFormOptions
{
    public const string SectionName = "FeedbackForm";

    public string Title { get; set; } = "Send Feedback";
    public string Prompt { get; set; } = "How can we improve?";
    public string ThankYouMessage { get; set; } = "Thanks for your feedback!";
}
