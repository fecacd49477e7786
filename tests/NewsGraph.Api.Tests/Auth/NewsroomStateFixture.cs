using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Tests.Auth;

/// <summary>The seed story plus one story in every hidden state (draft, scheduled, withdrawn) by the seed's reporter, and one feedback.</summary>
public sealed class NewsroomStateFixture : IAsyncLifetime
{
    public NewsGraphApplication App { get; } = new();

    public int Published { get; private set; }
    public int Draft { get; private set; }
    public int Scheduled { get; private set; }
    public int Withdrawn { get; private set; }
    public int Reporter { get; private set; }
    public int FeedbackId { get; private set; }
    public int ImageId { get; private set; }

    public static string Id(string type, int id) => GlobalId.Format(type, id);

    public async Task InitializeAsync()
    {
        await using var db = await App.CreateDbContextAsync();
        var seed = await db.Articles.Include(a => a.Bylines).Include(a => a.Images).SingleAsync();
        Published = seed.Id;
        Reporter = seed.Bylines[0].PersonId;
        ImageId = seed.Images[0].ImageId;
        Article Story(string slug, ArticleStatus status) => new()
        {
            Slug = slug,
            Headline = $"Hidden {slug}",
            SectionId = seed.SectionId,
            Status = status,
            PublishedAt = status == ArticleStatus.Scheduled ? DateTime.UtcNow.AddDays(30) : null,
            PublishedOffsetMinutes = 540,
            UpdatedAt = DateTime.UtcNow,
            EditorNotes = "Check the figures with the ministry.",
            WithdrawalNotice = status == ArticleStatus.Withdrawn ? "The story was based on a fabricated document." : null,
            Bylines = [new Byline { PersonId = Reporter, Position = 1, Role = BylineRole.Author }],
        };
        var draft = Story("the-draft", ArticleStatus.Draft);
        var scheduled = Story("the-embargoed", ArticleStatus.Scheduled);
        var withdrawn = Story("the-killed", ArticleStatus.Withdrawn);
        db.Articles.AddRange(draft, scheduled, withdrawn);
        var feedback = new ReaderFeedback { Message = "A private note to the newsroom", CreatedAt = DateTime.UtcNow, ArticleId = Published };
        db.Feedback.Add(feedback);
        await db.SaveChangesAsync();
        (Draft, Scheduled, Withdrawn, FeedbackId) = (draft.Id, scheduled.Id, withdrawn.Id, feedback.Id);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
