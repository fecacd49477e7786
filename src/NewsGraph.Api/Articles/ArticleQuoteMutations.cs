using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Auth;
using NewsGraph.Api.People;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

/// <summary>Settling who said a quote, when the importer could not tell or got it wrong: an edit of the story.</summary>
public static class ArticleQuoteMutations
{
    private const string Action = "quotes";
    private const string IdField = "articleId";

    public static void AddArticleQuoteMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<SetQuoteSpeakerPayloadGraphType, SetQuoteSpeakerInputGraphType>("setQuoteSpeaker",
                "Gives a quote of a story its speaker (or none), recorded as an editor's attribution. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<SetQuoteSpeakerInput, Payload<Article>>((ctx, input) => ArticleMutations.EditAsync(ctx, input.ArticleId, input.Version,
                (db, article, check) => SetSpeakerAsync(db, article, input, check, ctx.CancellationToken), IdField));
    }

    private static async Task<ArticleChange> SetSpeakerAsync(NewsDbContext db, Article article, SetQuoteSpeakerInput input, InputValidator check, CancellationToken cancellationToken)
    {
        var speakerId = input.SpeakerId is null ? null : check.Id(input.SpeakerId, "speakerId", PersonErrors.Person.TypeName);
        var title = check.Text(input.SpeakerTitle, "speakerTitle", Quote.SpeakerTitleMaxLength);
        var quote = await db.Quotes.FirstOrDefaultAsync(q => q.ArticleId == article.Id && q.Position == input.Position, cancellationToken);
        if (quote is null)
            check.Add(ArticleErrors.QuoteNotFound(input.Position));
        var speaker = speakerId is { } id ? await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        if (speakerId is { } missing && speaker is null)
            check.Add(PersonErrors.Person.NotFound(missing, "speakerId"));
        if (check.HasErrors || quote is null)
            return new ArticleChange(Action, []);
        var newTitle = speaker is null ? null : title ?? speaker.Title;
        if (quote.SpeakerId == speaker?.Id && quote.SpeakerTitle == newTitle && quote.Attribution == QuoteAttribution.Editor)
            return new ArticleChange(Action, []);
        quote.SpeakerId = speaker?.Id;
        quote.SpeakerTitle = newTitle;
        quote.Attribution = QuoteAttribution.Editor;
        quote.Source = null;
        quote.UnattributedReason = null;
        return new ArticleChange(Action, ["quotes"], ArticleMutations.PublicUpdate(article));
    }
}
