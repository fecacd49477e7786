using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;

namespace NewsGraph.Api.Tests.Infrastructure;

public static class TableCounts
{
    /// <summary>The number of rows of every content table.</summary>
    public static async Task<Dictionary<string, int>> OfAsync(NewsDbContext db) => new()
    {
        ["Articles"] = await db.Articles.CountAsync(),
        ["Sections"] = await db.Sections.CountAsync(),
        ["Bylines"] = await db.Bylines.CountAsync(),
        ["Corrections"] = await db.Corrections.CountAsync(),
        ["Revisions"] = await db.Revisions.CountAsync(),
        ["People"] = await db.People.CountAsync(),
        ["Images"] = await db.Images.CountAsync(),
        ["ArticleImages"] = await db.ArticleImages.CountAsync(),
        ["Quotes"] = await db.Quotes.CountAsync(),
        ["Feedback"] = await db.Feedback.CountAsync(),
    };
}
