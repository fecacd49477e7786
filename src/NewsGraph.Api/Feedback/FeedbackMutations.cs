using System.Net.Mail;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Telemetry;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Feedback;

public static class FeedbackMutations
{
    public static void AddFeedbackMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<SubmitFeedbackPayloadGraphType, SubmitFeedbackInputGraphType>("submitFeedback",
                "Sends feedback on a story or the site. Open to everyone; limited per client.")
            .ResolveInputAsync<SubmitFeedbackInput, SubmitFeedbackPayload>(SubmitAsync);

        mutation.Mutation<ModerateFeedbackPayloadGraphType, ModerateFeedbackInputGraphType>("moderateFeedback", "Marks feedback reviewed or spam. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<ModerateFeedbackInput, Payload<ReaderFeedback>>((ctx, input)
                => ChangeAsync(ctx, input.Id, (_, feedback) => feedback.Status = input.Status));

        mutation.Mutation<DeleteFeedbackPayloadGraphType, DeleteFeedbackInputGraphType>("deleteFeedback", "Deletes feedback for good. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<DeleteFeedbackInput, Payload<ReaderFeedback>>((ctx, input)
                => ChangeAsync(ctx, input.Id, (db, feedback) => db.Feedback.Remove(feedback)));
    }

    private static async Task<SubmitFeedbackPayload> SubmitAsync(IResolveFieldContext ctx, SubmitFeedbackInput input)
    {
        var services = ctx.RequestServices!;
        var thanks = services.GetRequiredService<IOptions<FeedbackFormOptions>>().Value.ThankYouMessage;

        // The honeypot: a field people never see. Whoever fills it in is thanked and forgotten.
        if (InputValidator.Trimmed(input.Website) is not null)
        {
            NewsMetrics.Feedback("honeypot");
            return new SubmitFeedbackPayload(null, thanks, null);
        }

        if (await services.GetRequiredService<FeedbackRateLimiter>().TryAcquireAsync(ClientOf(ctx)) is { } retryAfter)
        {
            NewsMetrics.Feedback("rate_limited");
            return new SubmitFeedbackPayload(null, null, [FeedbackErrors.RateLimited(Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)))]);
        }

        var check = new InputValidator();
        var feedback = Validated(input, services.GetRequiredService<IOptions<FeedbackOptions>>().Value, check);
        if (check.HasErrors)
        {
            NewsMetrics.Feedback("invalid");
            return new SubmitFeedbackPayload(null, null, check.Errors);
        }

        var clock = services.GetRequiredService<TimeProvider>();
        feedback.SubmittedBy = ctx.User?.Identity?.IsAuthenticated == true ? Roles.NameOf(ctx.User) : null;
        feedback.CreatedAt = clock.GetUtcNow().UtcDateTime;
        // Committed before the reader is thanked (what survives a crash: Data/SqliteConnectionSettings).
        if (!await services.GetRequiredService<FeedbackInbox>().StoreAsync(feedback, ctx.User, ctx.CancellationToken))
        {
            NewsMetrics.Feedback("not_found");
            return new SubmitFeedbackPayload(null, null, [ArticleErrors.Story.NotFound(feedback.ArticleId!.Value)]);
        }
        NewsMetrics.Feedback("accepted");
        await services.GetRequiredService<IEventBus>().PublishAsync(FeedbackSubmitted.Topic,
            new FeedbackSubmitted(feedback.Id, feedback.ArticleId, clock.GetUtcNow()), ctx.CancellationToken);
        return new SubmitFeedbackPayload(feedback, thanks, null);
    }

    /// <summary>The feedback the input describes, or (with the problems reported) what is left of it.</summary>
    private static ReaderFeedback Validated(SubmitFeedbackInput input, FeedbackOptions options, InputValidator check)
    {
        var message = check.Text(input.Message, "message", options.MaxMessageLength, required: true, subject: "The message");
        if (input.Rating is < 1 or > 5)
            check.Add(FeedbackErrors.RatingOutOfRange());
        var email = InputValidator.Trimmed(input.ContactEmail);
        if (email is not null && !IsEmail(email))
            check.Add(FeedbackErrors.NotAnEmailAddress());
        var articleId = check.Id(input.ArticleId, "articleId", ArticleErrors.Story.TypeName);
        return new ReaderFeedback { ArticleId = articleId, Message = message ?? "", Rating = input.Rating, ContactEmail = email, Status = FeedbackStatus.New };
    }

    /// <summary>Loads the feedback behind a global ID, changes it and saves; not found when there is none.</summary>
    private static async Task<Payload<ReaderFeedback>> ChangeAsync(IResolveFieldContext ctx, string feedbackId, Action<NewsDbContext, ReaderFeedback> change)
    {
        var check = new InputValidator();
        if (check.Id(feedbackId, "id", FeedbackErrors.Feedback.TypeName) is not { } id)
            return Payload.Failure<ReaderFeedback>(check.Errors);
        await using var db = await ctx.CreateDbContextAsync();
        var feedback = await db.Feedback.FirstOrDefaultAsync(f => f.Id == id, ctx.CancellationToken);
        if (feedback is null)
            return Payload.Failure<ReaderFeedback>(FeedbackErrors.Feedback.NotFound(id));
        change(db, feedback);
        await db.SaveChangesAsync(ctx.CancellationToken);
        return Payload.Success(feedback);
    }

    /// <summary>A signed-in reader is one client; anyone else is their address.</summary>
    private static string ClientOf(IResolveFieldContext ctx)
        => ctx.User?.Identity?.IsAuthenticated == true
            ? "user:" + Roles.NameOf(ctx.User)
            : "ip:" + (ctx.RequestServices!.GetService<IHttpContextAccessor>()?.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static bool IsEmail(string value)
        => value.Length <= ReaderFeedback.ContactEmailMaxLength && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
