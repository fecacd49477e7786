using NewsGraph.Api.Articles;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>Builds stories for tests straight into the database.</summary>
public static class TestContent
{
    /// <summary>Adds <paramref name="count"/> published stories, each with two authors, two images and two quotes.</summary>
    public static async Task AddStoriesAsync(NewsGraphApplication app, int count, string sectionName = "Business")
    {
        await using var db = await app.CreateDbContextAsync();
        var section = new Section { Slug = Slug.From(sectionName), Name = sectionName };
        var reporters = Enumerable.Range(1, 4).Select(i => new Person { Name = $"Reporter {i}", Organization = "Yonhap" }).ToList();
        var officials = Enumerable.Range(1, 4).Select(i => new Person { Name = $"Official {i}", Title = "Minister" }).ToList();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= count; i++)
        {
            db.Articles.Add(new Article
            {
                Slug = $"test-story-{i}",
                Headline = $"Test story {i}",
                Section = section,
                Status = ArticleStatus.Published,
                PublishedAt = start.AddHours(i),
                PublishedOffsetMinutes = 540,
                UpdatedAt = start,
                DatelinePlaces = ["SEOUL"],
                DatelineSource = "Yonhap",
                Paragraphs = [$"Paragraph one of story {i}.", "Paragraph two."],
                Bylines =
                [
                    new Byline { Person = reporters[i % 4], Position = 1, Role = BylineRole.Author },
                    new Byline { Person = reporters[(i + 1) % 4], Position = 2, Role = BylineRole.Author },
                ],
                Images =
                [
                    new ArticleImage { Position = 1, Image = new Image { Caption = $"Photo 1 of story {i}", Credit = "Yonhap" } },
                    new ArticleImage { Position = 2, Image = new Image { Caption = $"Photo 2 of story {i}", Credit = "Yonhap" } },
                ],
                Quotes =
                [
                    new Quote { Speaker = officials[i % 4], SpeakerTitle = "Minister", Text = $"First quote of story {i}.", Position = 1 },
                    new Quote { Speaker = officials[(i + 2) % 4], SpeakerTitle = "Minister", Text = $"Second quote of story {i}.", Position = 2 },
                ],
            });
        }
        await db.SaveChangesAsync();
    }
}
