using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Feedback;

/// <summary>The errors of the Feedback feature.</summary>
public static class FeedbackErrors
{
    /// <summary>Feedback, as mutations name it in not-found errors.</summary>
    public static readonly EntityKind Feedback = new("Feedback", "feedback");

    public static RateLimitedError RateLimited(int seconds) => new($"Too much feedback from this client; try again in {seconds} s.", seconds);

    public static InvalidInputError RatingOutOfRange() => new("The rating must be between 1 and 5.", "rating");

    public static InvalidInputError NotAnEmailAddress() => new("The contact e-mail is not an e-mail address.", "contactEmail");
}
