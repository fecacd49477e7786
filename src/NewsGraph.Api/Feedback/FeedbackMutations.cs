using System.Net.Mail;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Events;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Feedback;

/// <summary>Raised once a reader's feedback is stored.</summary>
public sealed record FeedbackSubmitted(int FeedbackId, int? ArticleId, DateTimeOffset At)
{
    public const string Topic = "feedback";
}

public static partial class FeedbackMutations
{
    public static void AddFeedbackMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SubmitFeedbackPayloadGraphType>>("submitFeedback")
            .Description("Sends feedback on a story or the site. Open to everyone; limited per client.")
            .Argument<NonNullGraphType<SubmitFeedbackInputGraphType>>("input")
            .ResolveAsync(async ctx => await SubmitAsync(ctx));

        mutation.Field<NonNullGraphType<ModerateFeedbackPayloadGraphType>>("moderateFeedback")
            .Description("Marks feedback reviewed or spam. Editors only.")
            .Argument<NonNullGraphType<ModerateFeedbackInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(async ctx =>
            {
                var input = new MutationInput(ctx.GetArgument<Dictionary<string, object?>>("input"));
                var errors = new List<MutationError>();
                var id = input.Id("id", "Feedback", errors);
                if (id is null)
                    return Payload.Failure<ReaderFeedback>([.. errors]);
                await using var db = await ctx.CreateDbContextAsync();
                var feedback = await db.Feedback.FirstOrDefaultAsync(f => f.Id == id, ctx.CancellationToken);
                if (feedback is null)
                    return Payload.Failure<ReaderFeedback>(NotFound(id.Value));
                feedback.Status = input.Value<FeedbackStatus>("status");
                await db.SaveChangesAsync(ctx.CancellationToken);
                return Payload.Success(feedback);
            });

        mutation.Field<NonNullGraphType<DeleteFeedbackPayloadGraphType>>("deleteFeedback")
            .Description("Deletes feedback for good. Editors only.")
            .Argument<NonNullGraphType<DeleteFeedbackInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(async ctx =>
            {
                var input = new MutationInput(ctx.GetArgument<Dictionary<string, object?>>("input"));
                var errors = new List<MutationError>();
                var id = input.Id("id", "Feedback", errors);
                if (id is null)
                    return Payload.Failure<ReaderFeedback>([.. errors]);
                await using var db = await ctx.CreateDbContextAsync();
                var feedback = await db.Feedback.FirstOrDefaultAsync(f => f.Id == id, ctx.CancellationToken);
                if (feedback is null)
                    return Payload.Failure<ReaderFeedback>(NotFound(id.Value));
                db.Feedback.Remove(feedback);
                await db.SaveChangesAsync(ctx.CancellationToken);
                return Payload.Success(feedback);
            });
    }

    private static async Task<SubmitFeedbackPayload> SubmitAsync(IResolveFieldContext ctx)
    {
        var services = ctx.RequestServices!;
        var input = new MutationInput(ctx.GetArgument<Dictionary<string, object?>>("input"));
        var thanks = services.GetRequiredService<IOptions<FeedbackFormOptions>>().Value.ThankYouMessage;
        var options = services.GetRequiredService<IOptions<FeedbackOptions>>().Value;

        // The honeypot: a field people never see. Whoever fills it in is thanked and forgotten.
        if (input.Text("website") is not null)
            return new SubmitFeedbackPayload(null, thanks, null);

        if (!services.GetRequiredService<FeedbackRateLimiter>().TryAcquire(ClientOf(ctx), out var retryAfter))
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            return new SubmitFeedbackPayload(null, null,
                [new RateLimitedError($"Too much feedback from this client; try again in {seconds} s.", seconds)]);
        }

        var errors = new List<MutationError>();
        var message = input.Text("message");
        if (message is null || message.Length > options.MaxMessageLength)
            errors.Add(new InvalidInputError($"The message must have between 1 and {options.MaxMessageLength} characters.", "message"));
        var rating = input.Number("rating");
        if (rating is < 1 or > 5)
            errors.Add(new InvalidInputError("The rating must be between 1 and 5.", "rating"));
        var email = input.Text("contactEmail");
        if (email is not null && !IsEmail(email))
            errors.Add(new InvalidInputError("The contact e-mail is not an e-mail address.", "contactEmail"));
        var articleId = input.Id("articleId", ArticleEditor.TypeName, errors);

        if (errors.Count > 0)
            return new SubmitFeedbackPayload(null, null, errors);

        var clock = services.GetRequiredService<TimeProvider>();
        var feedback = new ReaderFeedback
        {
            ArticleId = articleId,
            Message = message!,
            Rating = rating,
            ContactEmail = email,
            SubmittedBy = ctx.User?.Identity?.IsAuthenticated == true ? Roles.NameOf(ctx.User) : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Status = FeedbackStatus.New,
        };
        // Committed before the reader is thanked (what survives a crash: Data/SqliteConnectionSettings).
        var stored = await services.GetRequiredService<FeedbackInbox>().StoreAsync(feedback, ctx.User, ctx.CancellationToken);
        if (!stored)
            return new SubmitFeedbackPayload(null, null, [ArticleEditor.NotFound(articleId!.Value)]);
        await services.GetRequiredService<IEventBus>().PublishAsync(FeedbackSubmitted.Topic,
            new FeedbackSubmitted(feedback.Id, feedback.ArticleId, clock.GetUtcNow()), ctx.CancellationToken);
        return new SubmitFeedbackPayload(feedback, thanks, null);
    }

    /// <summary>A signed-in reader is one client; anyone else is their address.</summary>
    private static string ClientOf(IResolveFieldContext ctx)
        => ctx.User?.Identity?.IsAuthenticated == true
            ? "user:" + Roles.NameOf(ctx.User)
            : "ip:" + (ctx.RequestServices!.GetService<IHttpContextAccessor>()?.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static bool IsEmail(string value)
        => value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static NotFoundError NotFound(int id) => new($"There is no feedback with the ID `{GlobalId.Format("Feedback", id)}`.", GlobalId.Format("Feedback", id));
}

/// <summary>The stored feedback and the thank-you text, or the errors.</summary>
public sealed record SubmitFeedbackPayload(ReaderFeedback? Feedback, string? ThankYouMessage, IReadOnlyList<MutationError>? Errors);

public sealed class SubmitFeedbackPayloadGraphType : ObjectGraphType<SubmitFeedbackPayload>
{
    public SubmitFeedbackPayloadGraphType()
    {
        Name = "SubmitFeedbackPayload";
        Field<FeedbackGraphType>("feedback").Description("The feedback as stored.").Resolve(ctx => ctx.Source.Feedback);
        Field<StringGraphType>("thankYouMessage").Description("`Thanks for your feedback!`").Resolve(ctx => ctx.Source.ThankYouMessage);
        Field<ListGraphType<NonNullGraphType<SubmitFeedbackErrorGraphType>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class SubmitFeedbackErrorGraphType : UnionGraphType
{
    public SubmitFeedbackErrorGraphType()
    {
        Type<InvalidInputErrorGraphType>();
        Type<NotFoundErrorGraphType>();
        Type<RateLimitedErrorGraphType>();
    }
}

public sealed class SubmitFeedbackInputGraphType : InputObjectGraphType
{
    public SubmitFeedbackInputGraphType()
    {
        Name = "SubmitFeedbackInput";
        Field<IdGraphType>("articleId").Description("The story the reader was on, if any.");
        Field<NonNullGraphType<StringGraphType>>("message");
        Field<IntGraphType>("rating").Description("1 to 5.");
        Field<StringGraphType>("contactEmail").Description("Where the newsroom may answer, if the reader wants an answer.");
        Field<StringGraphType>("website").Description("Leave empty: a field forms hide from people, which automated senders fill in.");
    }
}

public sealed class ModerateFeedbackInputGraphType : InputObjectGraphType
{
    public ModerateFeedbackInputGraphType()
    {
        Name = "ModerateFeedbackInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<FeedbackStatusGraphType>>("status");
    }
}

public sealed class DeleteFeedbackInputGraphType : InputObjectGraphType
{
    public DeleteFeedbackInputGraphType()
    {
        Name = "DeleteFeedbackInput";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

public sealed class ModerateFeedbackPayloadGraphType() : PayloadGraphType<ReaderFeedback, FeedbackGraphType, ModerateFeedbackErrorGraphType>("feedback");

public sealed class ModerateFeedbackErrorGraphType : UnionGraphType
{
    public ModerateFeedbackErrorGraphType()
    {
        Type<InvalidInputErrorGraphType>();
        Type<NotFoundErrorGraphType>();
    }
}

public sealed class DeleteFeedbackPayloadGraphType() : PayloadGraphType<ReaderFeedback, FeedbackGraphType, DeleteFeedbackErrorGraphType>("feedback");

public sealed class DeleteFeedbackErrorGraphType : UnionGraphType
{
    public DeleteFeedbackErrorGraphType()
    {
        Type<InvalidInputErrorGraphType>();
        Type<NotFoundErrorGraphType>();
    }
}
