using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Images;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

/// <summary>Placing photos in a story: each is an edit of the story (its version, its revision history).</summary>
public static class ArticleImageMutations
{
    private const string Action = "images";
    private const string IdField = "articleId";

    public static void AddArticleImageMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<AttachImagePayloadGraphType, AttachImageInputGraphType>("attachImage", "Places an image in a story. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<AttachImageInput, Payload<Article>>((ctx, input) => ArticleMutations.EditAsync(ctx, input.ArticleId, input.Version,
                (db, article, check) => AttachAsync(db, article, input, check, ctx.CancellationToken), IdField));

        mutation.Mutation<DetachImagePayloadGraphType, DetachImageInputGraphType>("detachImage", "Takes an image out of a story (the image itself stays). Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<DetachImageInput, Payload<Article>>((ctx, input) => ArticleMutations.EditAsync(ctx, input.ArticleId, input.Version,
                (_, article, check) => Task.FromResult(Detach(article, input, check)), IdField));

        mutation.Mutation<ReorderImagesPayloadGraphType, ReorderImagesInputGraphType>("reorderImages", "Puts a story's images in a new order. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<ReorderImagesInput, Payload<Article>>((ctx, input) => ArticleMutations.EditAsync(ctx, input.ArticleId, input.Version,
                (_, article, check) => Task.FromResult(Reorder(article, input, check)), IdField));
    }

    private static async Task<ArticleChange> AttachAsync(NewsDbContext db, Article article, AttachImageInput input, InputValidator check, CancellationToken cancellationToken)
    {
        if (check.Id(input.ImageId, "imageId", ImageErrors.Image.TypeName) is not { } imageId)
            return Unchanged;
        if (!await db.Images.AnyAsync(i => i.Id == imageId, cancellationToken))
            check.Add(ImageErrors.Image.NotFound(imageId));
        else if (article.Images.Any(i => i.ImageId == imageId))
            check.Add(ArticleErrors.ImageAlreadyAttached());
        if (check.HasErrors)
            return Unchanged;
        var ordered = article.Images.OrderBy(i => i.Position).ToList();
        var position = Math.Clamp(input.Position ?? ordered.Count + 1, 1, ordered.Count + 1);
        var link = new ArticleImage { ArticleId = article.Id, ImageId = imageId };
        ordered.Insert(position - 1, link);
        article.Images.Add(link);
        return Renumbered(article, ordered);
    }

    private static ArticleChange Detach(Article article, DetachImageInput input, InputValidator check)
    {
        var imageId = check.Id(input.ImageId, "imageId", ImageErrors.Image.TypeName);
        var link = article.Images.FirstOrDefault(i => i.ImageId == imageId);
        if (imageId is not null && link is null)
            check.Add(ArticleErrors.ImageNotAttached());
        if (link is null)
            return Unchanged;
        article.Images.Remove(link);
        return Renumbered(article, [.. article.Images.OrderBy(i => i.Position)]);
    }

    private static ArticleChange Reorder(Article article, ReorderImagesInput input, InputValidator check)
    {
        var order = check.Ids(input.ImageIds, "imageIds", ImageErrors.Image.TypeName);
        if (check.HasErrors)
            return Unchanged;
        if (order.Count != article.Images.Count || !order.Order().SequenceEqual(article.Images.Select(i => i.ImageId).Order()))
        {
            check.Add(ArticleErrors.ImagesNotListedOnce());
            return Unchanged;
        }
        if (order.SequenceEqual(article.Images.OrderBy(i => i.Position).Select(i => i.ImageId)))
            return Unchanged;
        return Renumbered(article, [.. order.Select(id => article.Images.Single(i => i.ImageId == id))]);
    }

    private static ArticleChange Unchanged => new(Action, []);

    private static ArticleChange Renumbered(Article article, List<ArticleImage> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].Position = i + 1;
        return new ArticleChange(Action, ["images"], ArticleMutations.PublicUpdate(article));
    }
}
